package dev.workerhost.host.admin;

import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The host's own gauges, read from the host as it is whenever the meters are exported: plugins by state
 * ({@code worker_host_plugins}) and the workers polling each task queue ({@code worker_host_task_queue_workers}).
 */
final class HostGauges {

    private final MultiGauge plugins;
    private final MultiGauge workers;

    HostGauges(MeterRegistry registry) {
        plugins = MultiGauge.builder("worker.host.plugins")
                .description("Plugins of this host by state")
                .register(registry);
        workers = MultiGauge.builder("worker.host.task.queue.workers")
                .description("Workers of this host polling the task queue")
                .register(registry);
    }

    void refresh(HostStatus status) {
        Map<PluginState, Integer> byState = new EnumMap<>(PluginState.class);
        for (PluginDescriptor plugin : status.registry().descriptors()) {
            byState.merge(plugin.state(), 1, Integer::sum);
        }
        plugins.register(Arrays.stream(PluginState.values())
                .map(state -> MultiGauge.Row.of(Tags.of("state", state.name()), byState.getOrDefault(state, 0)))
                .toList(), true);
        workers.register(status.registry().queues().stream()
                .map(queue -> MultiGauge.Row.of(Tags.of("task_queue", queue.taskQueue(), "plugin", queue.plugin()),
                        status.polling(queue.taskQueue()) ? 1 : 0))
                .toList(), true);
    }
}
