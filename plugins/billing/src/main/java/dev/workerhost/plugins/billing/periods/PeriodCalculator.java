package dev.workerhost.plugins.billing.periods;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The period boundaries of one subscription: {@code anchor + k * count} intervals for every whole k (also before
 * the anchor), in UTC.
 */
public final class PeriodCalculator {

    private final BillingInterval interval;
    private final int count;
    private final OffsetDateTime anchor;

    public PeriodCalculator(BillingInterval interval, int count, Instant anchor) {
        this.interval = requireNonNull(interval, "interval is null");
        if (count < 1) {
            throw new IllegalArgumentException("billing_period_count must be at least 1, not " + count);
        }
        this.count = count;
        this.anchor = requireNonNull(anchor, "anchor is null").atOffset(ZoneOffset.UTC);
    }

    /** The boundary period containing {@code instant}: from the last boundary at or before it to the next. */
    public Period periodContaining(Instant instant) {
        long k = indexAtOrBefore(instant);
        return new Period(boundary(k), boundary(k + 1));
    }

    /** The first boundary strictly after {@code instant}. */
    public Instant nextBoundaryAfter(Instant instant) {
        return boundary(indexAtOrBefore(instant) + 1);
    }

    private long indexAtOrBefore(Instant instant) {
        OffsetDateTime target = instant.atOffset(ZoneOffset.UTC);
        long k = Math.floorDiv(interval.approximateUnitsBetween(anchor, target), count);
        // The guess is off by at most a step or two (month and year lengths vary); walk to the exact index.
        while (boundary(k).isAfter(instant)) {
            k--;
        }
        while (!boundary(k + 1).isAfter(instant)) {
            k++;
        }
        return k;
    }

    private Instant boundary(long k) {
        return interval.plus(anchor, k * count).toInstant();
    }
}
