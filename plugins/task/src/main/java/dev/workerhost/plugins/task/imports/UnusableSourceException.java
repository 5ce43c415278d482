package dev.workerhost.plugins.task.imports;

import dev.workerhost.plugins.domain.PermanentException;

/**
 * A task's {@code file_url} names nothing the import can read, whatever the number of attempts: a source outside
 * {@code plugins.task.sources}, a file that is not there, a directory, a scheme other than file, http and https, a
 * server that refuses the download (a 4xx other than timeout and rate limit).
 */
public final class UnusableSourceException extends PermanentException {

    private static final long serialVersionUID = 1L;

    /** The Temporal failure type of a source the import cannot use. */
    public static final String FAILURE_TYPE = "UnusableSource";

    public UnusableSourceException(String message, String hint) {
        super(message, hint, null);
    }

    @Override
    public String failureType() {
        return FAILURE_TYPE;
    }
}
