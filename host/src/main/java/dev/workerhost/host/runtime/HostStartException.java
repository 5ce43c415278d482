package dev.workerhost.host.runtime;

/** The host refused to start; the message names each broken plugin, its jar and the cause. */
public final class HostStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostStartException(String message) {
        super(message);
    }

    public HostStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
