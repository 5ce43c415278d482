package dev.workerhost.plugins.task.workflows;

import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Imports one task's file. */
@WorkflowInterface
public interface TaskProcessingWorkflow {

    /** The workflow type name; the task plugin's only workflow. */
    String TYPE = "TaskProcessingWorkflow";

    /**
     * Runs the task's import to its end. The import's failures give a FAILED result; only an invalid input fails
     * the workflow (with a non-retryable {@code ValidationError}).
     */
    @WorkflowMethod(name = TYPE)
    TaskResult process(TaskInput input);
}
