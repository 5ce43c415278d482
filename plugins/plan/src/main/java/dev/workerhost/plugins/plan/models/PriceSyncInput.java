package dev.workerhost.plugins.plan.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/** Input of {@code PriceSyncWorkflow}: which plan to sync, in which tenant and environment, and who asked for it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PriceSyncInput(String planId, String tenantId, String environmentId, String userId)
        implements Validatable {

    @Override
    public void validate() {
        Validation.requireId(planId, "plan_id");
        Validation.requireId(tenantId, "tenant_id");
        Validation.requireId(environmentId, "environment_id");
        Validation.requireId(userId, "user_id");
    }

    /** The plan this input names, for the activities. */
    public PlanRef plan() {
        return new PlanRef(planId, tenantId, environmentId);
    }
}
