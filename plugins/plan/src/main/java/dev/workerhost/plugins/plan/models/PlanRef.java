package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.plugins.domain.Scope;

/** A plan and the tenant and environment it belongs to: what every activity of a sync reads and writes within. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PlanRef(String planId, String tenantId, String environmentId) {

    public Scope scope() {
        return new Scope(tenantId, environmentId);
    }

    @Override
    public String toString() {
        return "plan " + planId + " (" + scope() + ")";
    }
}
