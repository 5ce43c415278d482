package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What one page did, and where the next one starts: {@code lastSubscriptionId} is the page's last subscription,
 * {@code morePages} is false once a page came back short.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncPageResult(SyncCounts counts, String lastSubscriptionId, boolean morePages) {
}
