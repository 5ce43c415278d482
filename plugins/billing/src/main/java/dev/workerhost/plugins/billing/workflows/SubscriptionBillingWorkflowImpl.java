package dev.workerhost.plugins.billing.workflows;

import dev.workerhost.plugins.billing.activities.BillingActivities;
import dev.workerhost.plugins.billing.models.InvoiceOutcome;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionBillingResult;
import dev.workerhost.plugins.billing.models.SubscriptionSnapshot;
import dev.workerhost.plugins.billing.periods.BillingPlan;
import dev.workerhost.plugins.billing.periods.BillingPlanner;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.spi.Validation;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic: the time is the workflow clock, the periods come from {@link BillingPlanner}, and every read and
 * write is an activity. Each period's invoice id is chosen here, once (recorded as a side effect), so a retried
 * activity recognises an invoice its earlier attempt wrote.
 */
public final class SubscriptionBillingWorkflowImpl implements SubscriptionBillingWorkflow {

    private final BillingActivities quick =
            FailOnce.newActivityStub(BillingActivities.class, BillingActivityOptions.quick());
    private final BillingActivities heartbeating =
            FailOnce.newActivityStub(BillingActivities.class, BillingActivityOptions.heartbeating());

    @Override
    public SubscriptionBillingResult bill(SubscriptionBillingInput input) {
        Validation.validateInWorkflow(input);
        Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        SubscriptionSnapshot subscription = quick.loadSubscription(input);
        if (!subscription.billable()) {
            return new SubscriptionBillingResult(input.subscriptionId(), 0, List.of(),
                    subscription.currentPeriodStart(), subscription.currentPeriodEnd());
        }
        BillingPlan plan = BillingPlanner.plan(subscription.terms(), now);
        List<String> created = new ArrayList<>();
        for (Period period : plan.periodsToInvoice()) {
            String invoiceId = Workflow.sideEffect(String.class, () -> Ids.newId("inv"));
            InvoiceOutcome outcome = heartbeating.invoicePeriod(input, period, invoiceId);
            if (outcome.created()) {
                created.add(outcome.invoiceId());
            }
        }
        Period current = plan.currentPeriod();
        if (plan.cancel()) {
            quick.cancelAtPeriodEnd(input, current);
        } else if (plan.movesFrom(subscription.currentPeriodStart(), subscription.currentPeriodEnd())) {
            quick.moveCurrentPeriod(input, current);
        }
        return new SubscriptionBillingResult(
                input.subscriptionId(), created.size(), created, current.start(), current.end());
    }
}
