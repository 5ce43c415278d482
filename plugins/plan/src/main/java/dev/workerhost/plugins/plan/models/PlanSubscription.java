package dev.workerhost.plugins.plan.models;

import java.time.Instant;

/** An ACTIVE or TRIALING subscription on the plan being synced. */
public record PlanSubscription(
        String id, String currency, String billingPeriod, int billingPeriodCount, Instant startDate) {
}
