package dev.workerhost.plugins.domain;

/**
 * Rows that cannot be processed as they are (an unknown billing model, malformed tiers, a usage value that is not a
 * number, a value the database refuses to store...).
 */
public final class InvalidDataException extends PermanentException {

    private static final long serialVersionUID = 1L;

    /** The Temporal failure type of data that cannot be processed. */
    public static final String FAILURE_TYPE = "InvalidData";

    public InvalidDataException(String message, String hint) {
        super(message, hint, null);
    }

    public InvalidDataException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public String failureType() {
        return FAILURE_TYPE;
    }
}
