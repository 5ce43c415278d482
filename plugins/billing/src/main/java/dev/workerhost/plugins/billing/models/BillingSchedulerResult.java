package dev.workerhost.plugins.billing.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Result of one {@code BillingSchedulerWorkflow} pass over the due subscriptions.
 *
 * @param subscriptionsBilled due subscriptions the pass billed itself, a page per transaction
 * @param invoicesCreated the invoices those got
 * @param subscriptionsStarted billing workflows this pass started: one per subscription of a page it could not bill
 *     as a whole (a row that cannot be billed), so each fails or succeeds on its own
 * @param alreadyRunning subscriptions of such pages whose billing workflow was still running, so none was started
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BillingSchedulerResult(
        int subscriptionsBilled, int invoicesCreated, int subscriptionsStarted, int alreadyRunning) {
}
