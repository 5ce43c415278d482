package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.periods.Period;
import java.math.BigDecimal;

/**
 * One invoice line: what a line item charged for the part of the invoiced period it applied to.
 *
 * @param meterId null for a FIXED price
 * @param quantity the line item's quantity (FIXED) or the metered usage (USAGE)
 * @param amount rounded to cents
 */
public record InvoiceLine(
        String id, String lineItemId, String priceId, String meterId, String displayName, BigDecimal quantity,
        BigDecimal amount, Period period) {

    public InvoiceLine {
        requireNonNull(id, "id is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(period, "period is null");
    }
}
