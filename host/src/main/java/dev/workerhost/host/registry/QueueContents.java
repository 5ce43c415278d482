package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import io.temporal.common.VersioningBehavior;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a worker polling one task queue registers: the queue belongs to exactly one plugin. Each workflow
 * implementation type comes with the options it is registered with; {@code versioningBehavior} is the default the
 * worker gives them when it runs as a Worker Deployment version.
 */
public record QueueContents(
        String taskQueue,
        String plugin,
        ClassLoader pluginLoader,
        Map<Class<?>, WorkflowImplementationOptions> workflowTypes,
        List<Object> activities,
        VersioningBehavior versioningBehavior) {

    public QueueContents {
        requireNonNull(taskQueue, "taskQueue is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(pluginLoader, "pluginLoader is null");
        requireNonNull(versioningBehavior, "versioningBehavior is null");
        workflowTypes = Collections.unmodifiableMap(new LinkedHashMap<>(workflowTypes));
        activities = List.copyOf(activities);
    }
}
