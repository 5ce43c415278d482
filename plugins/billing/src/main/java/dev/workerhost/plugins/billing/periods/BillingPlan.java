package dev.workerhost.plugins.billing.periods;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What one billing run does: invoice {@code periodsToInvoice} in order, then either make {@code currentPeriod} the
 * subscription's current period or, when {@code cancel}, cancel the subscription at the end of
 * {@code currentPeriod} (its last, already invoiced period).
 */
public record BillingPlan(List<Period> periodsToInvoice, Period currentPeriod, boolean cancel) {

    public BillingPlan {
        periodsToInvoice = List.copyOf(periodsToInvoice);
        requireNonNull(currentPeriod, "currentPeriod is null");
    }

    /** Whether a subscription whose stored current period is {@code start .. end} must be moved to this plan's. */
    public boolean movesFrom(Instant start, Instant end) {
        return !cancel && !(currentPeriod.start().equals(start) && currentPeriod.end().equals(end));
    }
}
