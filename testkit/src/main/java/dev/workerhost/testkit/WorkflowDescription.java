package dev.workerhost.testkit;

import static java.util.Objects.requireNonNull;

/** One run of a workflow as the server describes it. */
public record WorkflowDescription(
        String workflowId, String runId, String workflowType, String taskQueue, WorkflowStatus status) {

    public WorkflowDescription {
        requireNonNull(workflowId, "workflowId is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(workflowType, "workflowType is null");
        requireNonNull(taskQueue, "taskQueue is null");
        requireNonNull(status, "status is null");
    }
}
