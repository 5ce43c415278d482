package dev.workerhost.plugins.billing.models;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.periods.SubscriptionTerms;
import java.time.Instant;
import java.util.Set;

/**
 * A subscription as the billing workflow sees it when it starts.
 *
 * @param terms its checked billing terms; null when the subscription is not billable (its terms are then not
 *     checked either: a DRAFT may be incomplete)
 */
public record SubscriptionSnapshot(
        String subscriptionId, String status, Instant currentPeriodStart, Instant currentPeriodEnd,
        SubscriptionTerms terms) {

    /**
     * Statuses that are billed. DRAFT is not yet live; CANCELLED and PAUSED subscriptions are left alone as well, so
     * a cancelled one is never invoiced again.
     */
    public static final Set<String> BILLABLE_STATUSES = Set.of("ACTIVE", "TRIALING");

    public SubscriptionSnapshot {
        requireNonNull(subscriptionId, "subscriptionId is null");
        requireNonNull(status, "status is null");
    }

    public boolean billable() {
        return terms != null;
    }
}
