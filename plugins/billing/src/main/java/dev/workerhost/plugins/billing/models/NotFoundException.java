package dev.workerhost.plugins.billing.models;

/** A row the input names does not exist in its tenant and environment; reported as non-retryable {@value #FAILURE_TYPE}. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String FAILURE_TYPE = "NotFound";

    public NotFoundException(String message) {
        super(message);
    }
}
