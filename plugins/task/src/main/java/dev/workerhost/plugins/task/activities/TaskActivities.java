package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface TaskActivities {

    /**
     * Imports the task's file, resuming after the records an earlier attempt committed, and returns how it ended.
     * Fails with {@link TaskFailures#NOT_FOUND} (not retried) if the input's scope holds no such task.
     */
    @ActivityMethod(name = "ProcessTask")
    TaskResult processTask(TaskInput input);

    /** Marks the task FAILED with {@code reason} after {@code ProcessTask} gave up, and returns its counters. */
    @ActivityMethod(name = "FailTask")
    TaskResult failTask(TaskInput input, String reason);
}
