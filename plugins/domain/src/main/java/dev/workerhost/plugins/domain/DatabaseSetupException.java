package dev.workerhost.plugins.domain;

/**
 * The database refuses a statement for a reason that lies in its setup, not in the data: a missing table, a refused
 * grant or login. Every retry would be refused the same way.
 */
public final class DatabaseSetupException extends PermanentException {

    private static final long serialVersionUID = 1L;

    /** The Temporal failure type of a statement the database refuses for its setup. */
    public static final String FAILURE_TYPE = "DatabaseSetup";

    public DatabaseSetupException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    @Override
    public String failureType() {
        return FAILURE_TYPE;
    }
}
