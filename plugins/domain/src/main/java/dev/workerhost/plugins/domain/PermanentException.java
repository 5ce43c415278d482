package dev.workerhost.plugins.domain;

import static java.util.Objects.requireNonNull;

import io.temporal.failure.ApplicationFailure;

/**
 * An error that no retry can fix: a row the input names does not exist, or data that cannot be processed as it is.
 * The message says what is wrong, the hint what to do about it. Thrown by activity code; {@link FailOnce} turns it
 * into a non-retryable Temporal failure of type {@link #failureType()} carrying the message, the hint (as the
 * failure's details) and this exception's cause.
 */
public abstract class PermanentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    protected PermanentException(String message, String hint, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.hint = requireNonNull(hint, "hint is null");
    }

    /** The Temporal failure type, the same for every exception of one class, e.g. {@code NotFound}. */
    public abstract String failureType();

    public final String hint() {
        return hint;
    }
}
