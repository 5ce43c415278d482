package dev.workerhost.plugins.billing.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Result of one {@code BillingSchedulerWorkflow} pass over the due subscriptions.
 *
 * @param subscriptionsStarted billing workflows this pass started
 * @param alreadyRunning due subscriptions whose billing workflow was still running, so none was started
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BillingSchedulerResult(int subscriptionsStarted, int alreadyRunning) {
}
