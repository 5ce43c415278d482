package dev.workerhost.host.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /counters}, what the status page shows beside readiness and plugins: each task queue's workers and
 * task slots, and the counters an operator looks at first (workflows completed and failed by type, activities
 * failed, and every counter a plugin registered).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StatusCounters(List<QueueWorkers> taskQueues, List<CounterValue> counters) {

    /** One task queue: its plugin, the workers polling it here, and task slots in use and free by worker type. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record QueueWorkers(String taskQueue, String plugin, int workers, Map<String, Double> slotsUsed,
            Map<String, Double> slotsAvailable) {
    }

    /** A counter's value; for a distribution summary the number of recordings and, as total, their sum. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CounterValue(String name, Map<String, String> tags, double value, Double total) {
    }

    private static final String SLOTS_USED = "temporal_worker_task_slots_used";
    private static final String SLOTS_AVAILABLE = "temporal_worker_task_slots_available";
    private static final List<String> KEY_TEMPORAL_COUNTERS = List.of(
            "temporal_workflow_completed", "temporal_workflow_failed", "temporal_workflow_canceled",
            "temporal_activity_execution_failed");

    static StatusCounters read(HostStatus status, MeterRegistry registry) {
        List<QueueWorkers> queues = status.registry().queues().stream()
                .map(queue -> new QueueWorkers(queue.taskQueue(), queue.plugin(),
                        status.polling(queue.taskQueue()) ? 1 : 0,
                        slots(registry, SLOTS_USED, queue.taskQueue()),
                        slots(registry, SLOTS_AVAILABLE, queue.taskQueue())))
                .toList();
        List<CounterValue> counters = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            if (!KEY_TEMPORAL_COUNTERS.contains(id.getName()) && id.getTag("plugin") == null) {
                continue;
            }
            if (meter instanceof Counter counter) {
                counters.add(new CounterValue(id.getName(), tags(id), counter.count(), null));
            } else if (meter instanceof FunctionCounter counter) {
                counters.add(new CounterValue(id.getName(), tags(id), counter.count(), null));
            } else if (meter instanceof DistributionSummary summary) {
                counters.add(new CounterValue(id.getName(), tags(id), summary.count(), summary.totalAmount()));
            }
        }
        counters.sort(Comparator.comparing(CounterValue::name).thenComparing(value -> value.tags().toString()));
        return new StatusCounters(queues, counters);
    }

    private static Map<String, Double> slots(MeterRegistry registry, String name, String taskQueue) {
        Map<String, Double> byWorkerType = new TreeMap<>();
        for (Gauge gauge : registry.find(name).tag("task_queue", taskQueue).gauges()) {
            byWorkerType.merge(gauge.getId().getTag("worker_type"), gauge.value(), Double::sum);
        }
        return byWorkerType;
    }

    /** The tags worth showing: the namespace is the same for every meter of a host. */
    private static Map<String, String> tags(Meter.Id id) {
        Map<String, String> tags = new TreeMap<>();
        for (Tag tag : id.getTagsAsIterable()) {
            if (!tag.getKey().equals("namespace")) {
                tags.put(tag.getKey(), tag.getValue());
            }
        }
        return tags;
    }
}
