package dev.workerhost.plugins.billing.pricing;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The amount of one invoice line, rounded to cents: what a price charges for a quantity. */
public final class LinePricer {

    private LinePricer() {
    }

    /** A FIXED price: {@code amount} x the line item's quantity, whatever the usage. */
    public static BigDecimal fixed(PriceTerms price, BigDecimal lineItemQuantity) {
        return Money.round(price.amount().multiply(lineItemQuantity));
    }

    /** A USAGE price: the metered {@code usage} priced by the price's billing model. */
    public static BigDecimal usage(PriceTerms price, BigDecimal usage) {
        switch (price.billingModel()) {
            case FLAT_FEE:
                return Money.round(price.amount());
            case PER_UNIT:
                return Money.round(usage.multiply(price.amount()));
            case PACKAGE:
                return Money.round(packages(price, usage).multiply(price.amount()));
            case TIERED:
                return Money.round(TieredPricing.price(
                        price.tierMode(), TierParser.parse(price.priceId(), price.tiersJson()), usage));
            default:
                throw new IllegalStateException("unhandled billing model " + price.billingModel());
        }
    }

    /** Whole packages needed for {@code usage}: a started package counts in full. */
    private static BigDecimal packages(PriceTerms price, BigDecimal usage) {
        BigDecimal size = price.packageSize();
        if (size == null || size.signum() <= 0) {
            throw new InvalidDataException("price " + price.priceId()
                    + " has billing_model PACKAGE but package_size " + (size == null ? "is null" : size.toPlainString()
                    + " is not positive"), "set the price's package_size to a positive number");
        }
        return usage.divide(size, 0, RoundingMode.CEILING);
    }
}
