package dev.workerhost.plugins.billing.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/** How long the billing activities may take and how they are retried. */
final class BillingActivityOptions {

    /**
     * Database hiccups heal: retry after 1 s, doubling up to 1 min, for up to 10 attempts. Bad input and bad rows
     * do not: the activities fail them once, non-retryable ({@code FailOnce}).
     */
    private static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(10)
            .build();

    private BillingActivityOptions() {
    }

    /** Single statements: a subscription read or update. */
    static ActivityOptions quick() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RETRY)
                .build();
    }

    /**
     * Work that scales with the data (metering a period's events, paging through subscriptions): it heartbeats
     * as it goes, so a lost worker is noticed within two minutes however long the whole may take.
     */
    static ActivityOptions heartbeating() {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(30))
                .setHeartbeatTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RETRY)
                .build();
    }
}
