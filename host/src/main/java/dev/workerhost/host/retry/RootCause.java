package dev.workerhost.host.retry;

/** The innermost cause of a failure: what actually went wrong ("Connection refused"), not its wrappers. */
public final class RootCause {

    private RootCause() {
    }

    public static Throwable of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The innermost cause's message, or its class name when it has none. */
    public static String message(Throwable failure) {
        Throwable root = of(failure);
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
