package dev.workerhost.plugins.billing.models;

/**
 * Rows that cannot be billed as they are (an unknown billing model, malformed tiers, a non-numeric usage value...):
 * retrying cannot help, so activities report it as a non-retryable failure of type {@value #FAILURE_TYPE} whose
 * message names the row and the cause.
 */
public final class InvalidBillingDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String FAILURE_TYPE = "InvalidBillingData";

    public InvalidBillingDataException(String message) {
        super(message);
    }
}
