package dev.workerhost.plugins.billing.periods;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** A half-open time range {@code [start, end)}: the start belongs to it, the end to the next one. */
public record Period(Instant start, Instant end) {

    public Period {
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " is not after its start " + start);
        }
    }

    /** Whether the whole period lies at or before {@code now}, i.e. it can be invoiced. */
    public boolean hasEndedBy(Instant now) {
        return !end.isAfter(now);
    }

    /**
     * The part of this period within {@code [from, to)}; a null bound is open. Empty when they do not overlap.
     */
    public Optional<Period> intersect(Instant from, Instant to) {
        Instant start = from == null || from.isBefore(this.start) ? this.start : from;
        Instant end = to == null || to.isAfter(this.end) ? this.end : to;
        return end.isAfter(start) ? Optional.of(new Period(start, end)) : Optional.empty();
    }
}
