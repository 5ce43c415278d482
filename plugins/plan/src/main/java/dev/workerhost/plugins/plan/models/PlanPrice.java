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
}
