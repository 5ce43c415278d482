package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.Scope;

/** No task of that id belongs to the tenant and environment asked for. */
public final class TaskNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(String taskId, Scope scope) {
        super("task " + taskId + " not found for " + scope);
    }
}
