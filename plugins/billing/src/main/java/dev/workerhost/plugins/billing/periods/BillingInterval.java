package dev.workerhost.plugins.billing.periods;

import java.time.Duration;
import java.time.OffsetDateTime;

/** The unit of a subscription's {@code billing_period}; a period is {@code billing_period_count} of them. */
public enum BillingInterval {
    DAILY,
    WEEKLY,
    MONTHLY,
    ANNUAL;

    /**
     * The instant {@code units} intervals after {@code anchor}, always computed from the anchor itself: months and
     * years clamp to the end of a shorter month (Jan 31 + 1 month = Feb 28 or 29) without drifting, so Jan 31 + 2
     * months is Mar 31 again.
     */
    OffsetDateTime plus(OffsetDateTime anchor, long units) {
        switch (this) {
            case DAILY:
                return anchor.plusDays(units);
            case WEEKLY:
                return anchor.plusWeeks(units);
            case MONTHLY:
                return anchor.plusMonths(units);
            case ANNUAL:
                return anchor.plusYears(units);
            default:
                throw new IllegalStateException("unhandled billing interval " + this);
        }
    }

    /** Roughly how many intervals lie between two instants; only a starting guess for the exact search. */
    long approximateUnitsBetween(OffsetDateTime from, OffsetDateTime to) {
        long days = Duration.between(from, to).toDays();
        switch (this) {
            case DAILY:
                return days;
            case WEEKLY:
                return days / 7;
            case MONTHLY:
                return days * 12 / 365;
            case ANNUAL:
                return days / 365;
            default:
                throw new IllegalStateException("unhandled billing interval " + this);
        }
    }
}
