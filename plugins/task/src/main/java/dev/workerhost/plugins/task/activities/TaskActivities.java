package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

@ActivityInterface
public interface TaskActivities {

    /**
     * Imports the task's file, resuming after the records an earlier attempt committed, and returns how it ended.
     * Throws a {@link dev.workerhost.plugins.domain.PermanentException} when no retry can help: {@code NotFound} if
     * the input's scope holds no such task, {@code UnusableSource} or {@code InvalidData} if the task cannot be
     * imported as it is.
     */
    @ActivityMethod(name = "ProcessTask")
    TaskResult processTask(TaskInput input);

    /**
     * Marks the task FAILED with {@code reason} (one bounded line) after {@code ProcessTask} gave up, and returns the
     * task as stored; {@code NotFound} if the input's scope holds no such task.
     */
    @ActivityMethod(name = "FailTask")
    TaskResult failTask(TaskInput input, String reason);
}
