package dev.workerhost.spi;

import static java.util.Objects.requireNonNull;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A workflow a {@link WorkflowStarter} started: where it runs, and its result once it closes (the Go SDK's
 * {@code WorkflowRun.Get}). Wait for a result in an activity or in {@link WorkflowModule#start}, not in workflow
 * code: a workflow that needs another's result starts it as a child workflow.
 */
public final class StartedWorkflow {

    private final String workflowId;
    private final String runId;
    private final String taskQueue;
    private final WorkflowStub stub;

    /** @param started an untyped stub whose workflow has been started with options */
    public StartedWorkflow(WorkflowStub started) {
        this.stub = requireNonNull(started, "started is null");
        WorkflowExecution execution = requireNonNull(started.getExecution(), "the stub's workflow is not started");
        this.workflowId = execution.getWorkflowId();
        this.runId = execution.getRunId();
        this.taskQueue = started.getOptions()
                .orElseThrow(() -> new IllegalArgumentException("the stub of " + workflowId + " has no options"))
                .getTaskQueue();
    }

    public String workflowId() {
        return workflowId;
    }

    public String runId() {
        return runId;
    }

    public String taskQueue() {
        return taskQueue;
    }

    /**
     * Waits until this run closes and returns its result as {@code resultType} (a plugin may read another plugin's
     * result as a {@code Map} or Jackson {@code JsonNode}).
     *
     * @throws WorkflowFailedException if the run failed, was cancelled or terminated, or timed out
     */
    public <R> R result(Class<R> resultType) {
        return stub.getResult(resultType);
    }

    /**
     * Like {@link #result(Class)}, waiting at most {@code timeout}.
     *
     * @throws TimeoutException if the run has not closed within {@code timeout}
     */
    public <R> R result(Class<R> resultType, Duration timeout) throws TimeoutException {
        return stub.getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, resultType);
    }

    @Override
    public String toString() {
        return "workflow " + workflowId + " (run " + runId + ") on task queue " + taskQueue;
    }
}
