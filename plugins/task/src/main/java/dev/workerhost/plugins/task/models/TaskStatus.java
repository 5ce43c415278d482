package dev.workerhost.plugins.task.models;

/** The {@code task_status} of a task row. */
public enum TaskStatus {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED
}
