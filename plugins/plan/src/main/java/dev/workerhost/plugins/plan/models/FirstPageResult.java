package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The prices (and paging) the whole sync works from, and what its first page did. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FirstPageResult(PriceSyncSnapshot snapshot, SyncPageResult page) {
}
