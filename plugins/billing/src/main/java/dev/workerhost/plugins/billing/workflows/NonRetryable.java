package dev.workerhost.plugins.billing.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/**
 * Fails the workflow for good when an activity failed for good. Temporal retries a workflow whose failure is an
 * {@link ActivityFailure}, whatever its cause; rethrowing the cause as a non-retryable failure of the same type and
 * message stops that, and the workflow's failure names the cause directly.
 */
final class NonRetryable {

    private NonRetryable() {
    }

    static <T> T unwrap(Supplier<T> activityCall) {
        try {
            return activityCall.get();
        } catch (ActivityFailure failure) {
            if (failure.getCause() instanceof ApplicationFailure) {
                ApplicationFailure cause = (ApplicationFailure) failure.getCause();
                if (cause.isNonRetryable()) {
                    throw ApplicationFailure.newNonRetryableFailure(cause.getOriginalMessage(), cause.getType());
                }
            }
            throw failure;
        }
    }
}
