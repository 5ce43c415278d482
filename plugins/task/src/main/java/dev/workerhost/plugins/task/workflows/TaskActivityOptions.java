package dev.workerhost.plugins.task.workflows;

import dev.workerhost.plugins.task.activities.TaskFailures;
import dev.workerhost.spi.ValidationError;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How the task activities run, as the platform runs them. */
final class TaskActivityOptions {

    /** A large file may take hours; the heartbeat shows sooner that an attempt died. */
    static final Duration IMPORT_TIMEOUT = Duration.ofHours(4);

    /** An attempt that has not committed a chunk (and so not heartbeated) for this long is retried. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration FAIL_TIMEOUT = Duration.ofMinutes(1);

    private TaskActivityOptions() {
    }

    /** Retries after 10 s, doubling up to 10 min, 5 attempts; a bad input or a missing task is not retried. */
    static RetryOptions retryOptions() {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(10))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(10))
                .setMaximumAttempts(5)
                .setDoNotRetry(ValidationError.FAILURE_TYPE, TaskFailures.NOT_FOUND)
                .build();
    }

    static ActivityOptions processTask() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(IMPORT_TIMEOUT)
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(retryOptions())
                .build();
    }

    static ActivityOptions failTask() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(FAIL_TIMEOUT)
                .setRetryOptions(retryOptions())
                .build();
    }
}
