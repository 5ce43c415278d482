package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.models.ErrorText;
import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.models.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads and moves task rows, always within one tenant and environment. */
public final class TaskRepository {

    private static final String COLUMNS = "id, tenant_id, environment_id, entity_type, file_url, file_name,"
            + " file_type, task_status, processed_records, successful_records, failed_records, first_errors,"
            + " error_summary, completed_at, failed_at";
    private static final String WHERE_TASK = " WHERE id = ? AND tenant_id = ? AND environment_id = ?";

    private final Transactions transactions;

    public TaskRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    public Optional<Task> find(Scope scope, String taskId) {
        return transactions.inTransaction(connection -> select(connection, scope, taskId, ""));
    }

    /**
     * Takes the task for a run of its import. A PENDING or FAILED task starts afresh (counters and errors back to
     * zero), a PROCESSING one carries on from its committed counters, a COMPLETED one is returned as it is. The
     * run's workflow and run ids are stored on the task.
     *
     * @throws NotFoundException if the scope holds no such task
     */
    public Task claim(Scope scope, String taskId, String workflowId, String runId, Instant now) {
        return transactions.inTransaction(connection -> {
            Task task = select(connection, scope, taskId, " FOR UPDATE")
                    .orElseThrow(() -> notFound(scope, taskId));
            if (task.status() == TaskStatus.COMPLETED) {
                return task;
            }
            Task claimed = task.status() == TaskStatus.PROCESSING ? task.resumed() : task.restarted();
            boolean restarted = task.status() != TaskStatus.PROCESSING;
            try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET task_status = 'PROCESSING',"
                    + " processed_records = ?, successful_records = ?, failed_records = ?, first_errors = ?,"
                    + " error_summary = NULL, completed_at = NULL, failed_at = NULL, workflow_id = ?, run_id = ?,"
                    + " started_at = " + (restarted ? "?" : "COALESCE(started_at, ?)") + ", updated_at = ?"
                    + WHERE_TASK)) {
                int i = setProgress(update, 1, claimed.progress());
                update.setString(i++, workflowId);
                update.setString(i++, runId);
                SqlTimes.set(update, i++, now);
                SqlTimes.set(update, i++, now);
                setTask(update, i, scope, taskId);
                update.executeUpdate();
            }
            return claimed;
        });
    }

    /**
     * Moves the task's counters from {@code before} to {@code after} inside the caller's chunk transaction; the
     * row stays locked until that commits, so two runs of one import cannot both count a chunk.
     *
     * @throws ConcurrentImportException if another run moved the task since {@code before}
     */
    public void saveProgress(Connection connection, Task task, ImportProgress before, ImportProgress after,
            Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET processed_records = ?,"
                + " successful_records = ?, failed_records = ?, first_errors = ?, updated_at = ?" + WHERE_TASK
                + " AND task_status = 'PROCESSING' AND processed_records = ?")) {
            int i = setProgress(update, 1, after);
            SqlTimes.set(update, i++, now);
            i = setTask(update, i, task.scope(), task.id());
            update.setLong(i, before.processedRecords());
            if (update.executeUpdate() != 1) {
                throw new ConcurrentImportException(task.id(), before.processedRecords());
            }
        }
    }

    /** Ends a run that read the whole file: COMPLETED if no record failed, else FAILED with the error summary. */
    public Task finish(Task task, ImportProgress progress, Instant now) {
        boolean completed = progress.failedRecords() == 0;
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET task_status = ?,"
                    + " total_records = ?, processed_records = ?, successful_records = ?, failed_records = ?,"
                    + " first_errors = ?, error_summary = ?, completed_at = ?, failed_at = ?, updated_at = ?"
                    + WHERE_TASK)) {
                update.setString(1, (completed ? TaskStatus.COMPLETED : TaskStatus.FAILED).name());
                update.setLong(2, progress.processedRecords());
                int i = setProgress(update, 3, progress);
                update.setString(i++, progress.errorSummary());
                SqlTimes.set(update, i++, completed ? now : null);
                SqlTimes.set(update, i++, completed ? null : now);
                SqlTimes.set(update, i++, now);
                setTask(update, i, task.scope(), task.id());
                update.executeUpdate();
            }
            return select(connection, task.scope(), task.id(), "").orElseThrow();
        });
    }

    /**
     * Fails a task that cannot be imported, with {@code reason} (made one bounded line) as its error summary; its
     * counters stay as committed. A COMPLETED task is left alone.
     *
     * @return the task as it is now, empty if the scope holds no such task
     */
    public Optional<Task> fail(Scope scope, String taskId, String reason, Instant now) {
        return transactions.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE tasks SET task_status = 'FAILED',"
                    + " error_summary = ?, failed_at = ?, completed_at = NULL, updated_at = ?" + WHERE_TASK
                    + " AND task_status <> 'COMPLETED'")) {
                update.setString(1, ErrorText.oneLine(reason, ErrorText.TASK_REASON_CHARS));
                SqlTimes.set(update, 2, now);
                SqlTimes.set(update, 3, now);
                setTask(update, 4, scope, taskId);
                update.executeUpdate();
            }
            return select(connection, scope, taskId, "");
        });
    }

    public static NotFoundException notFound(Scope scope, String taskId) {
        return new NotFoundException("task " + taskId + " not found for " + scope,
                "check task_id, tenant_id and environment_id");
    }

    private static Optional<Task> select(Connection connection, Scope scope, String taskId, String lock)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM tasks" + WHERE_TASK + lock)) {
            setTask(query, 1, scope, taskId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(toTask(row, scope)) : Optional.empty();
            }
        }
    }

    private static Task toTask(ResultSet row, Scope scope) throws SQLException {
        String firstErrors = row.getString("first_errors");
        ImportProgress progress = new ImportProgress(
                row.getLong("processed_records"),
                row.getLong("successful_records"),
                row.getLong("failed_records"),
                firstErrors == null || firstErrors.isEmpty() ? List.of() : Arrays.asList(firstErrors.split("\n")));
        return new Task(
                row.getString("id"),
                scope,
                row.getString("entity_type"),
                row.getString("file_url"),
                row.getString("file_name"),
                row.getString("file_type"),
                status(row.getString("task_status"), row.getString("id")),
                progress,
                row.getString("error_summary"),
                SqlTimes.get(row, "completed_at"),
                SqlTimes.get(row, "failed_at"));
    }

    private static TaskStatus status(String value, String taskId) throws SQLException {
        try {
            return TaskStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new DataAccessException(new SQLException("task " + taskId + " has the unknown task_status "
                    + value + "; expected one of " + Arrays.toString(TaskStatus.values())));
        }
    }

    private static int setProgress(PreparedStatement statement, int index, ImportProgress progress)
            throws SQLException {
        statement.setLong(index, progress.processedRecords());
        statement.setLong(index + 1, progress.successfulRecords());
        statement.setLong(index + 2, progress.failedRecords());
        statement.setString(index + 3, String.join("\n", progress.firstErrors()));
        return index + 4;
    }

    private static int setTask(PreparedStatement statement, int index, Scope scope, String taskId)
            throws SQLException {
        statement.setString(index, taskId);
        statement.setString(index + 1, scope.tenantId());
        statement.setString(index + 2, scope.environmentId());
        return index + 3;
    }
}
