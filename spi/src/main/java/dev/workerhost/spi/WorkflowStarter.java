package dev.workerhost.spi;

import io.temporal.client.WorkflowExecutionAlreadyStarted;

/**
 * Starts workflows by type name. The task queue and start options come from the type's registration, so a plugin
 * can start another plugin's workflows without knowing where they run.
 */
public interface WorkflowStarter {

    /**
     * Validates {@code input} (when {@link Validatable}) and starts a workflow of {@code workflowType}.
     *
     * @throws IllegalArgumentException if no plugin registers {@code workflowType}
     * @throws ValidationError if the input is invalid
     * @throws WorkflowExecutionAlreadyStarted if a workflow with the same id is running
     */
    StartedWorkflow start(String workflowType, Object input, StartOptions options);

    /** Starts with the type's defaults. */
    default StartedWorkflow start(String workflowType, Object input) {
        return start(workflowType, input, StartOptions.defaults());
    }
}
