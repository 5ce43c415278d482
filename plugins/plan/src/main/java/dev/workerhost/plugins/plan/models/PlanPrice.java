package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** A published price of a plan (not a subscription's own price), as far as the sync needs it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanPrice(
        String id,
        String type,
        String currency,
        String billingPeriod,
        int billingPeriodCount,
        Instant startDate,
        Instant endDate) {

    /** Ended when its end date has come: {@code end_date <= now}. A price without an end date never ends. */
    public boolean endedBy(Instant now) {
        return endDate != null && !endDate.isAfter(now);
    }

    /** A subscription can carry this price only if it bills in the same currency and the same period. */
    public boolean fits(PlanSubscription subscription) {
        return currency.equalsIgnoreCase(subscription.currency())
                && billingPeriod.equals(subscription.billingPeriod())
                && billingPeriodCount == subscription.billingPeriodCount();
    }
}
