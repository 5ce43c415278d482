package dev.workerhost.testkit;

/**
 * Recorded histories that the current code does not replay: a change to workflow code that running workflows would
 * trip over (commands in another order, an activity added or removed without {@code Workflow.getVersion}).
 */
public final class ReplayFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReplayFailedException(String message) {
        super(message);
    }
}
