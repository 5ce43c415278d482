package dev.workerhost.plugins.task.workflows;

import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.task.activities.TaskActivities;
import dev.workerhost.plugins.task.models.ErrorText;
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

/**
 * Runs the import and turns every way it can give up into a FAILED result that the task row holds too: a permanent
 * error (the activity's {@code ApplicationFailure}, thrown once by the {@link FailOnce} stub) or retries that ran out
 * (an {@code ActivityFailure}) are recorded on the task by {@code FailTask}, whose result is the stored row.
 */
public final class TaskProcessingWorkflowImpl implements TaskProcessingWorkflow {

    private final TaskActivities activities = FailOnce.newActivityStub(
            TaskActivities.class, TaskActivityOptions.processTask(), Map.of("FailTask", TaskActivityOptions.failTask()));

    @Override
    public TaskResult process(TaskInput input) {
        Validation.validateInWorkflow(input);
        try {
            return activities.processTask(input);
        } catch (ApplicationFailure permanent) {
            if (NotFoundException.FAILURE_TYPE.equals(permanent.getType())) {
                return failedWithoutTask(input, reason(permanent));
            }
            return recordFailure(input, reason(permanent));
        } catch (ActivityFailure retriesRanOut) {
            return recordFailure(input, reason(retriesRanOut));
        }
    }

    /** Records on the task why the import gave up, so the row does not stay PROCESSING. */
    private TaskResult recordFailure(TaskInput input, String reason) {
        try {
            return activities.failTask(input, reason);
        } catch (ApplicationFailure | ActivityFailure taskGone) {
            return failedWithoutTask(input, reason);
        }
    }

    private static TaskResult failedWithoutTask(TaskInput input, String reason) {
        return new TaskResult(input.taskId(), TaskStatus.FAILED, 0, 0, 0,
                ErrorText.oneLine(reason, ErrorText.TASK_REASON_CHARS), Instant.ofEpochMilli(Workflow.currentTimeMillis()));
    }

    /** What went wrong and, when the failure carries one, what to do about it. */
    private static String reason(ApplicationFailure failure) {
        String hint = failure.getDetails().getSize() == 0 ? null : failure.getDetails().get(String.class);
        return failure.getOriginalMessage() + (hint == null ? "" : "; " + hint);
    }

    /** The cause's own message, without the layers Temporal wraps around it. */
    private static String reason(ActivityFailure failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (cause instanceof TimeoutFailure timeout) {
            return "the import timed out (" + timeout.getTimeoutType() + ")";
        }
        return cause instanceof TemporalFailure temporal ? temporal.getOriginalMessage() : cause.getMessage();
    }
}
