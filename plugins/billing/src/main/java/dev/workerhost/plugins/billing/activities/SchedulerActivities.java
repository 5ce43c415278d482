package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** The work of {@code BillingSchedulerWorkflow}. */
@ActivityInterface(namePrefix = "BillingScheduler")
public interface SchedulerActivities {

    /**
     * Bills every subscription due at {@code now}, {@code pageSize} at a time, one transaction per page; the
     * subscriptions of a page that cannot be billed as a whole each get a {@code SubscriptionBillingWorkflow}
     * instead (one already being billed is counted, not started again).
     */
    BillingSchedulerResult billDue(Instant now, int pageSize);
}
