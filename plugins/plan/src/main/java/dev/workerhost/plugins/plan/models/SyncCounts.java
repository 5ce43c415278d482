package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a page, or a whole sync, did. Every (subscription, price) pair counts once: created, terminated or skipped,
 * so {@code created + terminated + skipped = subscriptions x prices}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncCounts(long subscriptionsProcessed, long created, long terminated, long skipped) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);

    public SyncCounts plus(SyncCounts other) {
        return new SyncCounts(
                subscriptionsProcessed + other.subscriptionsProcessed,
                created + other.created,
                terminated + other.terminated,
                skipped + other.skipped);
    }

    public PriceSyncResult toResult(String planId) {
        return new PriceSyncResult(planId, subscriptionsProcessed, created, terminated, skipped);
    }
}
