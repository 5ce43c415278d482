package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.billing.models.SubscriptionSnapshot;
import dev.workerhost.plugins.billing.periods.BillingInterval;
import dev.workerhost.plugins.billing.periods.SubscriptionTerms;
import java.time.Instant;

/**
 * A subscription row with its customer's {@code external_id} (null when the customer row is missing), which is how
 * events name the customer.
 */
public record SubscriptionRow(
        String id,
        String customerId,
        String customerExternalId,
        String currency,
        String status,
        String billingPeriod,
        int billingPeriodCount,
        Instant billingAnchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant startDate,
        boolean cancelAtPeriodEnd) {

    /** The row as the billing workflow needs it; the terms of a billable subscription are checked here. */
    public SubscriptionSnapshot snapshot() {
        SubscriptionTerms terms = SubscriptionSnapshot.BILLABLE_STATUSES.contains(status) ? terms() : null;
        return new SubscriptionSnapshot(id, status, currentPeriodStart, currentPeriodEnd, terms);
    }

    private SubscriptionTerms terms() {
        String row = "subscription " + id;
        BillingInterval interval = EnumColumns.parse(BillingInterval.class, billingPeriod, row, "billing_period");
        if (billingPeriodCount < 1) {
            throw new InvalidDataException(row + " has billing_period_count " + billingPeriodCount,
                    "set billing_period_count to 1 or more");
        }
        if (currentPeriodStart == null && startDate == null) {
            throw new InvalidDataException(row + " has neither current_period_start nor start_date,"
                    + " so its first billing period is unknown", "set the subscription's start_date");
        }
        Instant anchor = billingAnchor != null ? billingAnchor : startDate != null ? startDate : currentPeriodStart;
        return new SubscriptionTerms(interval, billingPeriodCount, anchor, currentPeriodStart, currentPeriodEnd,
                startDate, cancelAtPeriodEnd);
    }
}
