package dev.workerhost.plugins.billing.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of invoices: each line HALF_UP to cents, before lines are summed. */
public final class Money {

    public static final int SCALE = 2;

    private Money() {
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
