package dev.workerhost.plugins.task.activities;

/** The failure types of the task activities that a retry cannot heal. */
public final class TaskFailures {

    /** No task of that id in the input's tenant and environment. */
    public static final String NOT_FOUND = "TaskNotFound";

    private TaskFailures() {
    }
}
