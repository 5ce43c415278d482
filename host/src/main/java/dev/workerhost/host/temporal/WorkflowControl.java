package dev.workerhost.host.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.util.Optional;

/**
 * Ends the running execution of a workflow id: {@link #terminate} at once (no code of the workflow runs again), or
 * {@link #cancel} (the workflow is told and may clean up before it ends).
 */
public final class WorkflowControl {

    private final WorkflowClient client;

    public WorkflowControl(WorkflowClient client) {
        this.client = client;
    }

    /** @throws IllegalArgumentException if no execution of {@code workflowId} is running */
    public void terminate(String workflowId, String reason) {
        try {
            stub(workflowId).terminate(reason);
        } catch (WorkflowNotFoundException e) {
            throw notRunning(workflowId, e);
        }
    }

    /** @throws IllegalArgumentException if no execution of {@code workflowId} is running */
    public void cancel(String workflowId) {
        try {
            stub(workflowId).cancel();
        } catch (WorkflowNotFoundException e) {
            throw notRunning(workflowId, e);
        }
    }

    private WorkflowStub stub(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    }

    private static IllegalArgumentException notRunning(String workflowId, Exception cause) {
        return new IllegalArgumentException("no running workflow with id " + workflowId + " (unknown here, or it"
                + " has already closed: worker-host workflow show " + workflowId + "; is --target the right server?)",
                cause);
    }
}
