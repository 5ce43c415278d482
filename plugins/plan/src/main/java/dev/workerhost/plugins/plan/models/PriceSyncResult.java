package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Result of {@code PriceSyncWorkflow}: what one sync of a plan did, over all its subscriptions. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PriceSyncResult(
        String planId,
        long subscriptionsProcessed,
        long lineItemsCreated,
        long lineItemsTerminated,
        long lineItemsSkipped) {
}
