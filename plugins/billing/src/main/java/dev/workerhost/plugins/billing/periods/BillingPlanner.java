package dev.workerhost.plugins.billing.periods;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which periods of a subscription are due at a given time. Pure and deterministic, so workflow code may
 * call it with the workflow clock.
 *
 * <p>The first period is the stored current period; a subscription never billed starts with the period from its
 * {@code start_date} to the next boundary after it. Each following period runs from the previous end to the next
 * boundary, so periods never overlap nor leave gaps even when the stored period is off the anchor's grid.
 */
public final class BillingPlanner {

    private BillingPlanner() {
    }

    public static BillingPlan plan(SubscriptionTerms terms, Instant now) {
        PeriodCalculator calculator =
                new PeriodCalculator(terms.interval(), terms.intervalCount(), terms.anchor());
        Period period = firstPeriod(terms, calculator);
        if (terms.cancelAtPeriodEnd()) {
            return period.hasEndedBy(now)
                    ? new BillingPlan(List.of(period), period, true)
                    : new BillingPlan(List.of(), period, false);
        }
        List<Period> due = new ArrayList<>();
        while (period.hasEndedBy(now)) {
            due.add(period);
            period = new Period(period.end(), calculator.nextBoundaryAfter(period.end()));
        }
        return new BillingPlan(due, period, false);
    }

    private static Period firstPeriod(SubscriptionTerms terms, PeriodCalculator calculator) {
        if (terms.currentPeriodStart() == null) {
            return new Period(terms.startDate(), calculator.nextBoundaryAfter(terms.startDate()));
        }
        Instant start = terms.currentPeriodStart();
        Instant end = terms.currentPeriodEnd();
        return end != null && end.isAfter(start)
                ? new Period(start, end)
                : new Period(start, calculator.nextBoundaryAfter(start));
    }
}
