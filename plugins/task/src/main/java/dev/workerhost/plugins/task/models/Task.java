package dev.workerhost.plugins.task.models;

import dev.workerhost.plugins.domain.Scope;
import java.time.Instant;
import java.util.List;

/**
 * A task row as an import sees it: what to read, where it got to, and the first errors it met so far.
 *
 * @param progress the counters committed so far; {@code processedRecords} is also the resume position
 */
public record Task(
        String id,
        Scope scope,
        String entityType,
        String fileUrl,
        String fileName,
        String fileType,
        TaskStatus status,
        ImportProgress progress,
        String errorSummary,
        Instant completedAt,
        Instant failedAt) {

    /** The result a finished task reports. */
    public TaskResult result() {
        return new TaskResult(id, status, progress.processedRecords(), progress.successfulRecords(),
                progress.failedRecords(), errorSummary, completedAt != null ? completedAt : failedAt);
    }

    /** This task as claimed by a run that starts afresh: counters and errors back to zero. */
    public Task restarted() {
        return new Task(id, scope, entityType, fileUrl, fileName, fileType, TaskStatus.PROCESSING,
                ImportProgress.NONE, null, null, null);
    }

    /** This task as claimed by a run that carries on where the last one committed. */
    public Task resumed() {
        return new Task(id, scope, entityType, fileUrl, fileName, fileType, TaskStatus.PROCESSING,
                progress, null, null, null);
    }

    public List<String> firstErrors() {
        return progress.firstErrors();
    }
}
