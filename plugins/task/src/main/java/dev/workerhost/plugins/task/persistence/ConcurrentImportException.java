package dev.workerhost.plugins.task.persistence;

/**
 * Another run of the same task committed records since this one read its position (e.g. an attempt that Temporal
 * gave up on is still running). This run's chunk is rolled back; a retry carries on from the committed position.
 */
public final class ConcurrentImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentImportException(String taskId, long expectedPosition) {
        super("task " + taskId + " moved past record " + expectedPosition
                + " in another run of its import; this run stops and a retry resumes after the committed records");
    }
}
