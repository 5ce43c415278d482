package dev.workerhost.host.workers;

import com.typesafe.config.Config;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.registry.QueueContents;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers of one plugin: one Temporal worker per task queue of the plugin, each registering every workflow type
 * and activity declared for its queue, in a factory of the plugin's own, so one plugin starts, drains and stops
 * without touching the others (the SDK cannot start or stop one worker of a shared factory).
 */
public final class WorkerManager {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerManager.class);
    private static final String NON_DETERMINISTIC = "NonDeterministicException: ";
    private static final String NON_DETERMINISTIC_REPORT = "is nondeterministic: ";
    private static final int REPLAY_ATTEMPTS = 3;

    private final WorkerFactory factory;
    private final List<QueueContents> queues;
    private final Config config;
    private final Optional<WorkerDeploymentVersion> version;
    private final int queuesServed;
    private boolean created;

    /** Unversioned workers for {@code queues}, which are all the task queues polled (the test kit's case). */
    public WorkerManager(WorkflowClient client, List<QueueContents> queues, Config config) {
        this(client, queues, config, Optional.empty(), queues.size());
    }

    /**
     * @param version the Worker Deployment version the workers run as (see {@link WorkerVersioning}), if any
     * @param queuesServed how many task queues the host polls in all, these included: the pollers a queue gets
     *     when the configuration does not say depend on it ({@link PollerShare})
     */
    public WorkerManager(WorkflowClient client, List<QueueContents> queues, Config config,
            Optional<WorkerDeploymentVersion> version, int queuesServed) {
        this.queues = List.copyOf(queues);
        this.config = config;
        this.version = version;
        this.queuesServed = queuesServed;
        Map<String, ClassLoader> loaders = new LinkedHashMap<>();
        Map<String, String> plugins = new LinkedHashMap<>();
        queues.forEach(queue -> loaders.put(queue.taskQueue(), queue.pluginLoader()));
        queues.forEach(queue -> plugins.put(queue.taskQueue(), queue.plugin()));
        this.factory = WorkerFactory.newInstance(client, WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new PluginContextInterceptor(loaders, plugins))
                .build());
    }

    /** Creates the workers and starts polling. */
    public void start() throws Exception {
        createWorkers();
        factory.start();
        LOG.info("workers polling task queues {}{}", taskQueues(), version
                .map(deployment -> " as Worker Deployment version " + deployment.toCanonicalString())
                .orElse(""));
    }

    /**
     * Replays a recorded history on the worker of {@code taskQueue}, which need not poll: the workflow code runs
     * again against the recorded events, as a worker does when it picks up a running workflow after a deployment.
     * The test kit checks recorded histories this way, and the host checks a new version of a plugin against the
     * open workflows of the old one.
     *
     * @return why the code does not replay the history, in one line: "is nondeterministic: " and the SDK's message,
     *     which names the first event the code no longer matches, or "failed: " and the root cause of the last of
     *     three tries
     */
    public Optional<String> replay(String taskQueue, WorkflowExecutionHistory history) {
        createWorkers();
        Optional<String> failure = Optional.empty();
        // Non-determinism is the code's and the same every time; another failure can be the machine's (the SDK's
        // deadlock detector gives a workflow thread one second, which a starved CPU can miss), so it is tried again
        // before it counts.
        for (int attempt = 1; attempt <= REPLAY_ATTEMPTS; attempt++) {
            failure = replayOnce(taskQueue, history);
            if (failure.isEmpty() || failure.get().startsWith(NON_DETERMINISTIC_REPORT)) {
                return failure;
            }
        }
        return failure;
    }

    private Optional<String> replayOnce(String taskQueue, WorkflowExecutionHistory history) {
        try {
            factory.getWorker(taskQueue).replayWorkflowExecution(history);
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(describeReplayFailure(e));
        }
    }

    /** The SDK reports non-determinism as a query failure whose message holds the exception with its stack trace. */
    private static String describeReplayFailure(Exception e) {
        String message = String.valueOf(e.getMessage());
        int nonDeterministic = message.indexOf(NON_DETERMINISTIC);
        if (nonDeterministic >= 0) {
            return NON_DETERMINISTIC_REPORT
                    + message.substring(nonDeterministic + NON_DETERMINISTIC.length()).lines().findFirst().orElse("");
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "failed: " + root.getClass().getSimpleName() + ": "
                + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    private synchronized void createWorkers() {
        if (created) {
            return;
        }
        for (QueueContents queue : queues) {
            Worker worker = factory.newWorker(queue.taskQueue(), WorkerSettings.forQueue(config, queue, version,
                    queuesServed));
            try (LoaderSwap swap = LoaderSwap.to(queue.pluginLoader())) {
                queue.workflowTypes().forEach((type, options) ->
                        worker.registerWorkflowImplementationTypes(options, type));
                if (!queue.activities().isEmpty()) {
                    worker.registerActivitiesImplementations(queue.activities().toArray());
                }
            }
        }
        created = true;
    }

    /**
     * Stops polling and lets running workflow tasks and activities finish within {@code timeout}; what is still
     * running after it is left to Temporal's retries on another host.
     */
    public void drain(Duration timeout) {
        stopPolling();
        awaitDrained(Instant.now().plus(timeout));
    }

    /**
     * Stops polling; running workflow tasks and activities go on (see {@link #awaitDrained}). Workers that never
     * polled (e.g. those a replay ran on) are released at once.
     */
    public void stopPolling() {
        if (!factory.isStarted()) {
            factory.shutdownNow();
            return;
        }
        if (!factory.isShutdown()) {
            LOG.info("draining the workers of task queues {}", taskQueues());
            factory.shutdown();
        }
    }

    /** Waits for running tasks until {@code deadline}, then stops what still runs. */
    public void awaitDrained(Instant deadline) {
        long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        factory.awaitTermination(left, TimeUnit.MILLISECONDS);
        if (!factory.isTerminated()) {
            LOG.warn("the workers of task queues {} did not finish in time; stopping them", taskQueues());
            factory.shutdownNow();
        }
    }

    private List<String> taskQueues() {
        return queues.stream().map(QueueContents::taskQueue).toList();
    }
}
