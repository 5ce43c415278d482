package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * How far a sync has come; what a run hands to the next when it continues as new. {@code now} is fixed when the
 * sync starts, so every page judges "ended" and "active" against the same moment.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PriceSyncProgress(
        PriceSyncSnapshot snapshot, Instant now, String afterSubscriptionId, boolean done, SyncCounts totals) {

    /** A sync that has synced no page yet. */
    public static PriceSyncProgress starting(PriceSyncSnapshot snapshot, Instant now) {
        return new PriceSyncProgress(snapshot, now, "", false, SyncCounts.NONE);
    }

    public SyncPageRequest nextPage(PlanRef plan) {
        return new SyncPageRequest(plan, snapshot.prices(), afterSubscriptionId, snapshot.pageSize(), now);
    }

    public PriceSyncProgress after(SyncPageResult page) {
        String next = page.lastSubscriptionId() == null ? afterSubscriptionId : page.lastSubscriptionId();
        return new PriceSyncProgress(snapshot, now, next, !page.morePages(), totals.plus(page.counts()));
    }
}
