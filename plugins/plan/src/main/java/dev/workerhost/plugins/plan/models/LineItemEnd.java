package dev.workerhost.plugins.plan.models;

import java.time.Instant;

/**
 * An open line item the sync ends, at the end date of the plan price it bills; {@code subscriptionId} and
 * {@code planPriceId} name the pair it counts for.
 */
public record LineItemEnd(String lineItemId, String subscriptionId, String planPriceId, Instant endDate) {
}
