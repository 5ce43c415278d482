package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** The start of a sync: read the plan's prices and sync its first page against them, as of {@code now}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FirstPageRequest(PlanRef plan, Instant now) {
}
