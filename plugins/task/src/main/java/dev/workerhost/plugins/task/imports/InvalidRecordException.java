package dev.workerhost.plugins.task.imports;

/** A record that cannot become a row; the message is the reason the error summary shows for its line. */
public final class InvalidRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String reason) {
        super(reason);
    }
}
