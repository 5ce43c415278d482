package dev.workerhost.plugins.plan.workflows;

import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncProgress;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Workflow type {@code PriceSyncWorkflow}: brings the line items of a plan's subscriptions in step with the plan's
 * published prices (docs/domain.md, "plan"). One runs per plan at a time, under the id
 * {@code PriceSyncWorkflow-<plan_id>}.
 */
@WorkflowInterface
public interface PriceSyncWorkflow {

    /**
     * Syncs every page of the plan's subscriptions.
     *
     * @param input what callers pass; the only argument of a start
     * @param resumeFrom null when a caller starts the sync; the progress so far when the workflow continues as new
     */
    @WorkflowMethod
    PriceSyncResult sync(PriceSyncInput input, PriceSyncProgress resumeFrom);
}
