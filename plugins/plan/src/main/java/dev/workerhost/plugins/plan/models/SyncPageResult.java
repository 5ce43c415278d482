package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What one page did, and where the next one starts: {@code lastSubscriptionId} is the page's last subscription,
 * {@code morePages} is false after the last page (which may be full: the page query looks one subscription ahead).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SyncPageResult(SyncCounts counts, String lastSubscriptionId, boolean morePages) {
}
