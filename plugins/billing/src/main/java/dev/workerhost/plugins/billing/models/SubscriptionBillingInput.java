package dev.workerhost.plugins.billing.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/** Input of {@code SubscriptionBillingWorkflow}: the subscription to bill and the tenant and environment it is in. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SubscriptionBillingInput(String subscriptionId, String tenantId, String environmentId)
        implements Validatable {

    @Override
    public void validate() {
        Validation.requireText(subscriptionId, "subscription_id");
        Validation.requireText(tenantId, "tenant_id");
        Validation.requireText(environmentId, "environment_id");
    }
}
