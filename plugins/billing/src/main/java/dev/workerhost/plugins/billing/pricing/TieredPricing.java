package dev.workerhost.plugins.billing.pricing;

import java.math.BigDecimal;
import java.util.List;

/**
 * Prices a quantity by tiers, unrounded. A quantity of zero or less falls in no tier and costs nothing, so no flat
 * amount is charged for a period without usage. Units beyond a last tier that has an {@code up_to} are priced in
 * that last tier. A fractional quantity counts as units held (0.5 units in a tier charge its flat amount).
 */
public final class TieredPricing {

    private TieredPricing() {
    }

    public static BigDecimal price(TierMode mode, List<Tier> tiers, BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return mode == TierMode.VOLUME ? volume(tiers, quantity) : slab(tiers, quantity);
    }

    private static BigDecimal volume(List<Tier> tiers, BigDecimal quantity) {
        Tier tier = tiers.stream()
                .filter(candidate -> candidate.holdsTotal(quantity))
                .findFirst()
                .orElse(tiers.get(tiers.size() - 1));
        return quantity.multiply(tier.unitAmount()).add(tier.flatAmount());
    }

    private static BigDecimal slab(List<Tier> tiers, BigDecimal quantity) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal previousUpTo = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size() && quantity.compareTo(previousUpTo) > 0; i++) {
            Tier tier = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            BigDecimal top = last || tier.holdsTotal(quantity) ? quantity : tier.upTo();
            BigDecimal units = top.subtract(previousUpTo);
            total = total.add(units.multiply(tier.unitAmount())).add(tier.flatAmount());
            previousUpTo = top;
        }
        return total;
    }
}
