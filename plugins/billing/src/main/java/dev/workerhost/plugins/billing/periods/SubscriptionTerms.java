package dev.workerhost.plugins.billing.periods;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What decides a subscription's billing periods, as stored on its row and already checked.
 *
 * @param anchor the instant periods are counted from: {@code billing_anchor}, else {@code start_date}, else
 *     {@code current_period_start} (start_date before the current period, because with month-end clamping only the
 *     original day keeps Jan 31 -> Feb 28 -> Mar 31; a current period start of Feb 28 would give Mar 28)
 * @param currentPeriodStart the stored {@code current_period_start}, or null when never billed
 * @param currentPeriodEnd the stored {@code current_period_end}, or null
 * @param startDate the subscription's {@code start_date}, or null
 */
public record SubscriptionTerms(
        BillingInterval interval,
        int intervalCount,
        Instant anchor,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        Instant startDate,
        boolean cancelAtPeriodEnd) {

    public SubscriptionTerms {
        requireNonNull(interval, "interval is null");
        requireNonNull(anchor, "anchor is null");
        if (intervalCount < 1) {
            throw new IllegalArgumentException("billing_period_count must be at least 1, not " + intervalCount);
        }
        if (currentPeriodStart == null && startDate == null) {
            throw new IllegalArgumentException("a subscription needs a current_period_start or a start_date");
        }
    }
}
