package dev.workerhost.host.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/** Reads how workflow executions went, as JSON: no plugin classes are needed to show a result. */
public final class WorkflowOutcomes {

    private static final String STATUS_PREFIX = "WORKFLOW_EXECUTION_STATUS_";

    private final WorkflowClient client;

    public WorkflowOutcomes(WorkflowClient client) {
        this.client = client;
    }

    /** Waits for the execution to close and returns its result or failure. */
    public WorkflowOutcome await(String workflowId, String runId) {
        return describe(workflowId, Optional.of(runId), true);
    }

    /** The latest execution of {@code workflowId}; a running one has neither result nor failure yet. */
    public WorkflowOutcome show(String workflowId) {
        return describe(workflowId, Optional.empty(), false);
    }

    private WorkflowOutcome describe(String workflowId, Optional<String> runId, boolean wait) {
        WorkflowExecution.Builder execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId);
        runId.ifPresent(execution::setRunId);
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowId, runId, Optional.empty());
        JsonNode result = null;
        String failure = null;
        // One description for both the status and whether to read the result: described twice, an execution that
        // closes in between would show as COMPLETED without its result.
        WorkflowExecutionInfo info = info(execution.build());
        if (wait || !isRunning(info)) {
            try {
                result = stub.getResult(JsonNode.class);
            } catch (WorkflowFailedException e) {
                failure = failureMessage(e);
            }
            info = wait ? info(execution.build()) : info;
        }
        return new WorkflowOutcome(info.getExecution().getWorkflowId(), info.getExecution().getRunId(),
                info.getType().getName(), info.getTaskQueue(),
                info.getStatus().name().substring(STATUS_PREFIX.length()), result, failure);
    }

    /** @throws IllegalArgumentException if the server knows no execution of that id */
    private WorkflowExecutionInfo info(WorkflowExecution execution) {
        try {
            return client.getWorkflowServiceStubs().blockingStub()
                    .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setExecution(execution)
                            .build())
                    .getWorkflowExecutionInfo();
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                throw new IllegalArgumentException("no workflow with id " + execution.getWorkflowId()
                        + " (is --target the right server?)", e);
            }
            throw e;
        }
    }

    private static boolean isRunning(WorkflowExecutionInfo info) {
        return info.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    }

    /** The innermost failure's own message, e.g. the {@code ValidationError} a workflow failed with. */
    private static String failureMessage(WorkflowFailedException failed) {
        Throwable cause = failed;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApplicationFailure application ? application.getOriginalMessage() : cause.getMessage();
    }
}
