package dev.workerhost.host.retry;

/**
 * A failure at start that waiting cannot fix (a malformed address, an unknown host, refused credentials, a folder the
 * host cannot write): {@link Patience} gives up at once. The message is the one line the operator reads: the key or
 * thing, the cause and what to do.
 */
public final class PermanentStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PermanentStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public PermanentStartException(String message) {
        super(message);
    }
}
