package dev.workerhost.plugins.billing.workflows;

import dev.workerhost.plugins.billing.activities.SchedulerActivities;
import dev.workerhost.plugins.billing.models.BillingSchedulerInput;
import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.spi.Validation;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/** A single activity pages and bills, so a pass over 10,000 subscriptions keeps the history small. */
public final class BillingSchedulerWorkflowImpl implements BillingSchedulerWorkflow {

    private final SchedulerActivities activities =
            FailOnce.newActivityStub(SchedulerActivities.class, BillingActivityOptions.heartbeating());

    @Override
    public BillingSchedulerResult schedule(BillingSchedulerInput input) {
        Validation.validateInWorkflow(input);
        Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        return activities.billDue(now, input.effectivePageSize());
    }
}
