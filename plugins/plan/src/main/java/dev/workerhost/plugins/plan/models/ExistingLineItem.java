package dev.workerhost.plugins.plan.models;

import java.time.Instant;

/**
 * A line item a subscription already has for one of the plan's prices, or for an override of one; {@code
 * parentPriceId} is the parent of the line item's price (null unless that price overrides another).
 */
public record ExistingLineItem(
        String id, String subscriptionId, String priceId, String parentPriceId, Instant endDate) {

    /** Still open: not ended by {@code now} (no end date, or one still to come). */
    public boolean openAt(Instant now) {
        return endDate == null || endDate.isAfter(now);
    }
}
