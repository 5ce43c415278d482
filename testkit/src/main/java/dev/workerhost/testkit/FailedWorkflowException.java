package dev.workerhost.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A run that closed without a result: failed, terminated, cancelled or timed out (Temporal's
 * {@code WorkflowFailedException}). For a failed run, what it failed with: the first {@code ApplicationFailure} of
 * the failure's cause chain (the workflow's own, or the activity's it let through), its type, message and hint (the
 * first detail, as {@code ValidationError} and the plugins' permanent errors carry it) and whether it was marked
 * non-retryable.
 */
public final class FailedWorkflowException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String workflowId;
    private final WorkflowStatus status;
    private final String failureType;
    private final String failureMessage;
    private final String hint;
    private final boolean nonRetryable;

    public FailedWorkflowException(String workflowId, WorkflowStatus status, String failureType,
            String failureMessage, String hint, boolean nonRetryable) {
        super("workflow " + workflowId + " " + status + (failureType == null ? "" : ": " + failureType)
                + (failureMessage == null ? "" : ": " + failureMessage) + (hint == null ? "" : " (" + hint + ")"));
        this.workflowId = requireNonNull(workflowId, "workflowId is null");
        this.status = requireNonNull(status, "status is null");
        this.failureType = failureType;
        this.failureMessage = failureMessage;
        this.hint = hint;
        this.nonRetryable = nonRetryable;
    }

    public String workflowId() {
        return workflowId;
    }

    /** How the run closed: FAILED, TERMINATED, CANCELED or TIMED_OUT. */
    public WorkflowStatus status() {
        return status;
    }

    /** The application failure's type, e.g. {@code ValidationError} or {@code NotFound}; null unless FAILED. */
    public String failureType() {
        return failureType;
    }

    /** The failure's own message (without the type Temporal puts in front); null if there is none. */
    public String failureMessage() {
        return failureMessage;
    }

    /** What to do about it, when the failure carries a hint. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    public boolean nonRetryable() {
        return nonRetryable;
    }
}
