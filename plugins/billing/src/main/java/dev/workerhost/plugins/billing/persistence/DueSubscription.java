package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

/** A subscription the scheduler must bill, with the tenant and environment its billing workflow needs. */
public record DueSubscription(String subscriptionId, String tenantId, String environmentId) {

    public DueSubscription {
        requireNonNull(subscriptionId, "subscriptionId is null");
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(environmentId, "environmentId is null");
    }
}
