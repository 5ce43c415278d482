package dev.workerhost.plugins.billing.workflows;

import dev.workerhost.plugins.billing.models.BillingSchedulerInput;
import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One pass over every tenant's subscriptions: bills each whose period has ended, a page per transaction (a page it
 * cannot bill as a whole gets a {@code SubscriptionBillingWorkflow} per subscription), then returns. The billing
 * plugin runs it as a cron workflow on {@code plugins.billing.schedule}.
 */
@WorkflowInterface
public interface BillingSchedulerWorkflow {

    @WorkflowMethod(name = "BillingSchedulerWorkflow")
    BillingSchedulerResult schedule(BillingSchedulerInput input);
}
