package dev.workerhost.spi;

import static java.util.Objects.requireNonNull;

import io.temporal.failure.ApplicationFailure;

/**
 * An input that can never succeed: the message says what is wrong, the hint how to fix it. Thrown by
 * {@link Validatable#validate()}; inside a workflow or activity, {@link #toFailure()} turns it into a non-retryable
 * Temporal failure of type {@value #FAILURE_TYPE}.
 */
public final class ValidationError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The Temporal failure type of validation failures; retry policies list it as not retryable. */
    public static final String FAILURE_TYPE = "ValidationError";

    private final String hint;

    public ValidationError(String message, String hint) {
        super(requireNonNull(message, "message is null"));
        this.hint = requireNonNull(hint, "hint is null");
    }

    public String hint() {
        return hint;
    }

    /** A non-retryable application failure carrying the message, with the hint as its details. */
    public ApplicationFailure toFailure() {
        return ApplicationFailure.newNonRetryableFailure(getMessage(), FAILURE_TYPE, hint);
    }
}
