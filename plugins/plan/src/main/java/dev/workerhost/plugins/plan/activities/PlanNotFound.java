package dev.workerhost.plugins.plan.activities;

import dev.workerhost.plugins.plan.models.PlanRef;
import io.temporal.failure.ApplicationFailure;

/** The failure of a sync whose plan does not exist: no retry can make it appear. */
public final class PlanNotFound {

    /** The Temporal failure type, for callers that tell failures apart. */
    public static final String FAILURE_TYPE = "NotFound";

    private PlanNotFound() {
    }

    public static ApplicationFailure of(PlanRef plan) {
        return ApplicationFailure.newNonRetryableFailure(
                plan + " not found", FAILURE_TYPE,
                "check plan_id, tenant_id and environment_id: the plan must exist in that tenant and environment");
    }
}
