package dev.workerhost.testkit;

import dev.workerhost.testkit.bridge.RunningHost;
import dev.workerhost.testkit.bridge.StartedRun;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** A workflow the test started: where it runs, and its result once it closes. */
public final class WorkflowRun {

    private final RunningHost host;
    private final StartedRun run;

    WorkflowRun(RunningHost host, StartedRun run) {
        this.host = host;
        this.run = run;
    }

    public String workflowId() {
        return run.workflowId();
    }

    public String runId() {
        return run.runId();
    }

    public String taskQueue() {
        return run.taskQueue();
    }

    /**
     * Waits until this run closes and returns its result, read from JSON as {@code resultType} (the plugin's result
     * record, or a {@code Map} or {@code JsonNode}).
     *
     * @throws FailedWorkflowException if the run failed, was cancelled or terminated, or timed out
     */
    public <R> R result(Class<R> resultType) {
        try {
            return TestSideJson.read(host.result(run.workflowId(), Optional.of(run.runId()), Optional.empty()), resultType);
        } catch (TimeoutException e) {
            throw new IllegalStateException("waiting without a timeout timed out", e);
        }
    }

    /**
     * Like {@link #result(Class)}, waiting at most {@code timeout}.
     *
     * @throws TimeoutException if the run has not closed within {@code timeout}
     */
    public <R> R result(Class<R> resultType, Duration timeout) throws TimeoutException {
        return TestSideJson.read(host.result(run.workflowId(), Optional.of(run.runId()), Optional.of(timeout)), resultType);
    }

    @Override
    public String toString() {
        return "workflow " + run.workflowId() + " (run " + run.runId() + ") on task queue " + run.taskQueue();
    }
}
