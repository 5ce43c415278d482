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
        Validation.requireId(subscriptionId, "subscription_id");
        Validation.requireId(tenantId, "tenant_id");
        Validation.requireId(environmentId, "environment_id");
    }
}
