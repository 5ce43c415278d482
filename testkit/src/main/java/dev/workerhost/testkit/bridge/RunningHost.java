package dev.workerhost.testkit.bridge;

import dev.workerhost.testkit.WorkflowDescription;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** A plugin running on the host side: workflows started by type name, waited for, described, ended. */
public interface RunningHost extends AutoCloseable {

    /**
     * Starts a workflow the way the host's starter does (or, unchecked, the way a plain Temporal client would).
     *
     * @throws IllegalArgumentException if no plugin registers the type
     * @throws dev.workerhost.spi.ValidationError if the input is invalid (checked starts only)
     * @throws dev.workerhost.testkit.WorkflowAlreadyRunningException if a workflow with that id runs
     */
    StartedRun start(StartRequest request);

    /**
     * The result of a run as JSON, once it has closed.
     *
     * @param runId the run, or empty for the latest run of {@code workflowId}
     * @param timeout how long to wait, or empty to wait as long as it takes
     * @throws dev.workerhost.testkit.FailedWorkflowException if the run closed without a result
     * @throws TimeoutException if the run is still open after {@code timeout}
     */
    String result(String workflowId, Optional<String> runId, Optional<Duration> timeout) throws TimeoutException;

    /** The latest run of {@code workflowId}, or the given run; empty if the server has no such workflow. */
    Optional<WorkflowDescription> describe(String workflowId, Optional<String> runId);

    void terminate(String workflowId, String reason);

    /** The history of the latest run of {@code workflowId} as Temporal writes it in JSON. */
    String history(String workflowId);

    /** The server's clock, which time-skipping moves ahead of the wall clock. */
    Instant currentTime();

    /** Waits {@code duration} on the server's clock: at once when time is skipped. */
    void sleep(Duration duration);

    /** Stops the workers and the plugin as the host does, then the server. */
    @Override
    void close();
}
