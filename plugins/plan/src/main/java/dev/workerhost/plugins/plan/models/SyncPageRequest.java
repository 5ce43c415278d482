package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One page of a sync: up to {@code pageSize} of the plan's subscriptions whose ids sort after {@code
 * afterSubscriptionId} (empty for the first page), synced against {@code prices} as of {@code now}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncPageRequest(
        PlanRef plan, List<PlanPrice> prices, String afterSubscriptionId, int pageSize, Instant now) {

    public SyncPageRequest {
        prices = List.copyOf(prices);
    }
}
