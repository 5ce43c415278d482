package dev.workerhost.plugins.billing.workflows;

import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionBillingResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Bills one subscription up to now: one invoice per ended period from its current period on, then moves the current
 * period to the one containing now (or cancels it at period end). Runs under id
 * {@code SubscriptionBillingWorkflow-<subscription_id>}, so a subscription is never billed twice at once.
 */
@WorkflowInterface
public interface SubscriptionBillingWorkflow {

    @WorkflowMethod(name = "SubscriptionBillingWorkflow")
    SubscriptionBillingResult bill(SubscriptionBillingInput input);
}
