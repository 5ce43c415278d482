package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import dev.workerhost.spi.WorkflowDefaults;
import java.util.Optional;

/**
 * One workflow type: where it runs, who owns it, how it is started by default, and the type its input is parsed
 * into ({@code Optional.empty()} for a workflow method without parameters).
 */
public record WorkflowRegistration(
        String workflowType,
        String taskQueue,
        String plugin,
        Class<?> implementationType,
        WorkflowDefaults defaults,
        Optional<Class<?>> inputType) {

    public WorkflowRegistration {
        requireNonNull(workflowType, "workflowType is null");
        requireNonNull(taskQueue, "taskQueue is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(implementationType, "implementationType is null");
        requireNonNull(defaults, "defaults is null");
        requireNonNull(inputType, "inputType is null");
    }

    /** The plugin's class loader, the one to parse inputs and run its code in. */
    public ClassLoader pluginLoader() {
        return implementationType.getClassLoader();
    }
}
