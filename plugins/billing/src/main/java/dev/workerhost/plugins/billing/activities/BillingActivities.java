package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.InvoiceOutcome;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionSnapshot;
import dev.workerhost.plugins.billing.periods.Period;
import io.temporal.activity.ActivityInterface;

/**
 * The database work of {@code SubscriptionBillingWorkflow}. A missing subscription fails with the non-retryable
 * type {@code NotFound}, rows that cannot be billed with {@code InvalidData}.
 */
@ActivityInterface(namePrefix = "Billing")
public interface BillingActivities {

    /** The subscription's status and, when it is billable, its checked billing terms. */
    SubscriptionSnapshot loadSubscription(SubscriptionBillingInput subscription);

    /** Writes the period's invoice under {@code invoiceId} unless the period has one already. */
    InvoiceOutcome invoicePeriod(SubscriptionBillingInput subscription, Period period, String invoiceId);

    /** Makes {@code period} the subscription's current period. */
    void moveCurrentPeriod(SubscriptionBillingInput subscription, Period period);

    /** Cancels the subscription at the end of {@code lastPeriod}. */
    void cancelAtPeriodEnd(SubscriptionBillingInput subscription, Period lastPeriod);
}
