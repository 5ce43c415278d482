package dev.workerhost.plugins.task.imports;

/**
 * The task cannot be imported however often it is retried: an unsupported entity or file type, a file that is
 * not there, a file that is not CSV or a JSON array. The task fails with this message as its error summary.
 */
public final class ImportFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportFailure(String message) {
        super(message);
    }

    public ImportFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
