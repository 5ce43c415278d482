package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.InvalidBillingDataException;
import dev.workerhost.plugins.billing.models.NotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Supplier;

/** Turns failures that no retry can fix into non-retryable Temporal failures; everything else is retried. */
final class ActivityFailures {

    private ActivityFailures() {
    }

    static <T> T nonRetryableOnBadData(Supplier<T> work) {
        try {
            return work.get();
        } catch (NotFoundException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), NotFoundException.FAILURE_TYPE);
        } catch (InvalidBillingDataException e) {
            throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), InvalidBillingDataException.FAILURE_TYPE);
        }
    }
}
