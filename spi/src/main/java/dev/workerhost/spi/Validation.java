package dev.workerhost.spi;

/** Small helpers for {@link Validatable#validate()} and for workflows that check their input. */
public final class Validation {

    private Validation() {
    }

    /**
     * Fails with {@code "<field> is required"} when {@code value} is null or blank.
     *
     * @return the value, for chaining
     */
    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationError(field + " is required", "set \"" + field + "\" to a non-empty string");
        }
        return value;
    }

    /** Fails with {@code message} and {@code hint} unless {@code condition} holds. */
    public static void check(boolean condition, String message, String hint) {
        if (!condition) {
            throw new ValidationError(message, hint);
        }
    }

    /**
     * Validates a workflow's input from inside the workflow: a {@link ValidationError} becomes a non-retryable
     * failure of the workflow rather than a workflow task that fails over and over.
     *
     * @return the input, for chaining
     */
    public static <T extends Validatable> T validateInWorkflow(T input) {
        if (input == null) {
            throw new ValidationError("input is required", "pass the workflow's input as a JSON object").toFailure();
        }
        try {
            input.validate();
        } catch (ValidationError e) {
            throw e.toFailure();
        }
        return input;
    }
}
