package dev.workerhost.host.workers;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import dev.workerhost.host.registry.QueueContents;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;
import java.util.Optional;

/**
 * Worker options for one task queue: {@code workers."<queue>"} over {@code workers.defaults}; a key set in neither
 * keeps the Temporal SDK's default, but for the pollers: those the host shares out ({@link PollerShare}). With a
 * deployment version, the worker runs as that version, giving the queue's
 * workflow types their declared versioning behaviour.
 */
final class WorkerSettings {

    private WorkerSettings() {
    }

    /** @param queuesServed how many task queues the host polls, this one included */
    static WorkerOptions forQueue(Config config, QueueContents contents, Optional<WorkerDeploymentVersion> version,
            int queuesServed) {
        Config queue = subtree(config, ConfigUtil.joinPath("workers", contents.taskQueue()))
                .withFallback(subtree(config, "workers.defaults"));
        // Draining means running activities finish: without this their heartbeats throw
        // ActivityWorkerShutdownException as soon as shutdown starts, and a long import stops mid-file.
        WorkerOptions.Builder options = WorkerOptions.newBuilder().setAllowActivityHeartbeatDuringShutdown(true);
        PollerShare share = PollerShare.of(queuesServed);
        options.setMaxConcurrentWorkflowTaskPollers(queue.hasPath("workflow-task-pollers")
                ? queue.getInt("workflow-task-pollers") : share.workflowTaskPollers());
        options.setMaxConcurrentActivityTaskPollers(queue.hasPath("activity-task-pollers")
                ? queue.getInt("activity-task-pollers") : share.activityTaskPollers());
        if (queue.hasPath("max-concurrent-workflow-tasks")) {
            options.setMaxConcurrentWorkflowTaskExecutionSize(queue.getInt("max-concurrent-workflow-tasks"));
        }
        if (queue.hasPath("max-concurrent-activities")) {
            options.setMaxConcurrentActivityExecutionSize(queue.getInt("max-concurrent-activities"));
        }
        if (queue.hasPath("activities-per-second")) {
            options.setMaxWorkerActivitiesPerSecond(queue.getDouble("activities-per-second"));
        }
        version.ifPresent(deploymentVersion -> options.setDeploymentOptions(WorkerDeploymentOptions.newBuilder()
                .setUseVersioning(true)
                .setVersion(deploymentVersion)
                .setDefaultVersioningBehavior(contents.versioningBehavior())
                .build()));
        return options.build();
    }

    private static Config subtree(Config config, String path) {
        return config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty();
    }
}
