package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What a sync works from, read once when it starts: the plan's published prices, and how to page through its
 * subscriptions ({@code pageSize} subscriptions per activity, {@code pagesPerRun} pages before the workflow
 * continues as new to keep its history short). Coming from an activity, the settings are part of the workflow's
 * history, so a replay pages the same way.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PriceSyncSnapshot(List<PlanPrice> prices, int pageSize, int pagesPerRun) {

    public PriceSyncSnapshot {
        prices = List.copyOf(prices);
    }
}
