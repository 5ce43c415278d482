package dev.workerhost.plugins.domain;

import static java.util.Objects.requireNonNull;

/**
 * The tenant and environment every query is limited to: an input for one tenant never reads or writes another's
 * rows, so data access takes a scope rather than two loose strings.
 */
public record Scope(String tenantId, String environmentId) {

    public Scope {
        requireNonNull(tenantId, "tenantId is null");
        requireNonNull(environmentId, "environmentId is null");
    }

    @Override
    public String toString() {
        return "tenant " + tenantId + ", environment " + environmentId;
    }
}
