package dev.workerhost.plugins.domain;

/** A row the input names does not exist in the input's tenant and environment. */
public final class NotFoundException extends PermanentException {

    private static final long serialVersionUID = 1L;

    /** The Temporal failure type of a missing row. */
    public static final String FAILURE_TYPE = "NotFound";

    public NotFoundException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public String failureType() {
        return FAILURE_TYPE;
    }
}
