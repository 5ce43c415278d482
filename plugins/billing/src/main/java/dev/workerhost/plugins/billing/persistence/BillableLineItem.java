package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.pricing.PriceTerms;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A subscription line item with its price and, for a USAGE price, its meter (null for FIXED).
 *
 * @param startDate null when the line item has always applied
 * @param endDate null while the line item is open
 */
public record BillableLineItem(
        String lineItemId, BigDecimal quantity, Instant startDate, Instant endDate, PriceTerms price, Meter meter) {

    public BillableLineItem {
        requireNonNull(lineItemId, "lineItemId is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(price, "price is null");
    }
}
