package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** The work of {@code BillingSchedulerWorkflow}. */
@ActivityInterface(namePrefix = "BillingScheduler")
public interface SchedulerActivities {

    /**
     * Starts a {@code SubscriptionBillingWorkflow} for every subscription due at {@code now}, reading
     * {@code pageSize} at a time; one already being billed is counted, not started again.
     */
    BillingSchedulerResult startDueBillings(Instant now, int pageSize);
}
