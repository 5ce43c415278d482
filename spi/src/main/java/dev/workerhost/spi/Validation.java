package dev.workerhost.spi;

import java.util.Locale;

/** Small helpers for {@link Validatable#validate()} and for workflows that check their input. */
public final class Validation {

    /** The longest id an input may carry, in characters. */
    public static final int MAX_ID_LENGTH = 255;
    /** How much of an input a message quotes. */
    public static final int EXCERPT_LENGTH = 100;

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

    /**
     * Fails unless {@code value} is an id: 1 to {@value #MAX_ID_LENGTH} characters, not blank, no control
     * characters. The message never quotes the value, which may be a megabyte long.
     *
     * @return the value, for chaining
     */
    public static String requireId(String value, String field) {
        requireText(value, field);
        int length = value.codePointCount(0, value.length());
        if (length > MAX_ID_LENGTH) {
            throw new ValidationError(field + " is " + length + " characters long, more than " + MAX_ID_LENGTH,
                    "use an id of at most " + MAX_ID_LENGTH + " characters");
        }
        int position = 1;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i)), position++) {
            int character = value.codePointAt(i);
            if (Character.isISOControl(character)) {
                throw new ValidationError(String.format(Locale.ROOT, "%s contains the control character U+%04X at"
                        + " character %d", field, character, position), "remove it: ids are printable text");
            }
        }
        return value;
    }

    /**
     * {@code text} cut to {@value #EXCERPT_LENGTH} characters, for a log line or a message that quotes input: an
     * input may be a megabyte long and must not be echoed whole.
     */
    public static String excerpt(String text) {
        if (text == null || text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        return text.substring(0, EXCERPT_LENGTH) + "... (" + text.length() + " characters)";
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
