package dev.workerhost.spi;

import static java.util.Objects.requireNonNull;

/** Where a started workflow runs. */
public record StartedWorkflow(String workflowId, String runId, String taskQueue) {

    public StartedWorkflow {
        requireNonNull(workflowId, "workflowId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(taskQueue, "taskQueue is null");
    }
}
