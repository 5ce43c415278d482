package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Everything a worker polling one task queue registers: the queue belongs to exactly one plugin. */
public record QueueContents(
        String taskQueue, String plugin, ClassLoader pluginLoader, List<Class<?>> workflowTypes, List<Object> activities) {

    public QueueContents {
        requireNonNull(taskQueue, "taskQueue is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(pluginLoader, "pluginLoader is null");
        workflowTypes = List.copyOf(workflowTypes);
        activities = List.copyOf(activities);
    }
}
