package dev.workerhost.testkit;

/** A start refused because a workflow with the same id is running (Temporal's {@code WorkflowExecutionAlreadyStarted}). */
public final class WorkflowAlreadyRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String workflowId;

    public WorkflowAlreadyRunningException(String workflowId, String message) {
        super(message);
        this.workflowId = workflowId;
    }

    public String workflowId() {
        return workflowId;
    }
}
