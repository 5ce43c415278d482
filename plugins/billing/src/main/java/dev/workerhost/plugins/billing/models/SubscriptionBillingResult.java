package dev.workerhost.plugins.billing.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code SubscriptionBillingWorkflow}: the invoices this run created (a rerun creates none) and the
 * subscription's current period afterwards.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubscriptionBillingResult(
        String subscriptionId,
        int invoicesCreated,
        List<String> invoiceIds,
        Instant currentPeriodStart,
        Instant currentPeriodEnd) {

    public SubscriptionBillingResult {
        invoiceIds = invoiceIds == null ? List.of() : List.copyOf(invoiceIds);
    }
}
