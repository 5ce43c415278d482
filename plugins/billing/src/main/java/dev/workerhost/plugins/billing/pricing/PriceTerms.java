package dev.workerhost.plugins.billing.pricing;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * The columns of a price that decide what a line costs.
 *
 * @param packageSize units per package, for PACKAGE; null otherwise
 * @param tiersJson the {@code tiers} column, for TIERED; null otherwise
 */
public record PriceTerms(
        String priceId,
        PriceType type,
        BigDecimal amount,
        BillingModel billingModel,
        BigDecimal packageSize,
        String tiersJson,
        TierMode tierMode) {

    public PriceTerms {
        requireNonNull(priceId, "priceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(amount, "amount is null");
        requireNonNull(billingModel, "billingModel is null");
        requireNonNull(tierMode, "tierMode is null");
    }
}
