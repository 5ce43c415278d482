package dev.workerhost.plugins.billing.pricing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One tier of a TIERED price.
 *
 * @param upTo the last unit this tier holds, inclusive (a tier up to 100 holds units 1-100); null = unbounded
 */
public record Tier(BigDecimal upTo, BigDecimal unitAmount, BigDecimal flatAmount) {

    public Tier {
        requireNonNull(unitAmount, "unitAmount is null");
        requireNonNull(flatAmount, "flatAmount is null");
    }

    /** Whether a total of {@code quantity} units stops in this tier or below it. */
    boolean holdsTotal(BigDecimal quantity) {
        return upTo == null || quantity.compareTo(upTo) <= 0;
    }
}
