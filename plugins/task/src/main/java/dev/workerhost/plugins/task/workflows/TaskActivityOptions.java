package dev.workerhost.plugins.task.workflows;

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

    /** An import that fails retries after 10 s, doubling up to 10 min, 5 attempts; permanent errors fail once. */
    static ActivityOptions processTask() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(IMPORT_TIMEOUT)
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(10))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(Duration.ofMinutes(10))
                        .setMaximumAttempts(5)
                        .build())
                .build();
    }

    /**
     * Recording the failure retries until it is stored (within the workflow's timeout): the workflow's FAILED result
     * must be what the task row says.
     */
    static ActivityOptions failTask() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(FAIL_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder()
                        .setInitialInterval(Duration.ofSeconds(1))
                        .setBackoffCoefficient(2.0)
                        .setMaximumInterval(Duration.ofMinutes(1))
                        .setMaximumAttempts(0)
                        .build())
                .build();
    }
}
