package dev.workerhost.plugins.task.workflows;

import dev.workerhost.plugins.task.activities.TaskActivities;
import dev.workerhost.plugins.task.activities.TaskFailures;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.spi.Validation;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.Map;

public final class TaskProcessingWorkflowImpl implements TaskProcessingWorkflow {

    private final TaskActivities activities = Workflow.newActivityStub(
            TaskActivities.class, TaskActivityOptions.processTask(), Map.of("FailTask", TaskActivityOptions.failTask()));

    @Override
    public TaskResult process(TaskInput input) {
        Validation.validateInWorkflow(input);
        try {
            return activities.processTask(input);
        } catch (ActivityFailure failure) {
            String reason = reason(failure);
            if (isNotFound(failure)) {
                return failedWithoutTask(input, reason);
            }
            try {
                // Record on the task why the import gave up, so the row does not stay PROCESSING.
                return activities.failTask(input, reason);
            } catch (ActivityFailure recordingFailed) {
                return failedWithoutTask(input, reason);
            }
        }
    }

    private static TaskResult failedWithoutTask(TaskInput input, String reason) {
        return new TaskResult(input.taskId(), TaskStatus.FAILED, 0, 0, 0, reason,
                Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    }

    private static boolean isNotFound(ActivityFailure failure) {
        return failure.getCause() instanceof ApplicationFailure
                && TaskFailures.NOT_FOUND.equals(((ApplicationFailure) failure.getCause()).getType());
    }

    /** The cause's own message, without the layers Temporal wraps around it. */
    private static String reason(ActivityFailure failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof TimeoutFailure) {
            return "the import timed out (" + ((TimeoutFailure) cause).getTimeoutType() + ")";
        }
        return cause instanceof TemporalFailure ? ((TemporalFailure) cause).getOriginalMessage() : cause.getMessage();
    }
}
