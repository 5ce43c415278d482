package dev.workerhost.plugins.billing.periods;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingPlannerTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Period period(String start, String end) {
        return new Period(at(start), at(end));
    }

    private static SubscriptionTerms monthly(String anchor, String currentStart, String currentEnd, boolean cancel) {
        return new SubscriptionTerms(BillingInterval.MONTHLY, 1, at(anchor),
                currentStart == null ? null : at(currentStart), currentEnd == null ? null : at(currentEnd),
                at(anchor), cancel);
    }

    @Test
    void invoicesEveryEndedPeriodAndMovesToThePeriodContainingNow() {
        BillingPlan plan = BillingPlanner.plan(
                monthly("2023-01-31T00:00:00Z", "2023-01-31T00:00:00Z", "2023-02-28T00:00:00Z", false),
                at("2023-04-15T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).containsExactly(
                period("2023-01-31T00:00:00Z", "2023-02-28T00:00:00Z"),
                period("2023-02-28T00:00:00Z", "2023-03-31T00:00:00Z"));
        assertThat(plan.currentPeriod()).isEqualTo(period("2023-03-31T00:00:00Z", "2023-04-30T00:00:00Z"));
        assertThat(plan.cancel()).isFalse();
    }

    @Test
    void aPeriodEndingExactlyNowHasEnded() {
        BillingPlan plan = BillingPlanner.plan(
                monthly("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", false),
                at("2024-02-01T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).containsExactly(period("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
        assertThat(plan.currentPeriod()).isEqualTo(period("2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"));
    }

    @Test
    void nothingIsDueWhileTheCurrentPeriodRuns() {
        BillingPlan plan = BillingPlanner.plan(
                monthly("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", false),
                at("2024-01-31T23:59:59Z"));

        assertThat(plan.periodsToInvoice()).isEmpty();
        assertThat(plan.currentPeriod()).isEqualTo(period("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
    }

    @Test
    void aSubscriptionNeverBilledStartsWithThePeriodFromItsStartDate() {
        SubscriptionTerms terms = new SubscriptionTerms(BillingInterval.MONTHLY, 1, at("2024-01-15T00:00:00Z"),
                null, null, at("2024-02-03T00:00:00Z"), false);

        BillingPlan plan = BillingPlanner.plan(terms, at("2024-03-20T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).containsExactly(
                period("2024-02-03T00:00:00Z", "2024-02-15T00:00:00Z"),
                period("2024-02-15T00:00:00Z", "2024-03-15T00:00:00Z"));
        assertThat(plan.currentPeriod()).isEqualTo(period("2024-03-15T00:00:00Z", "2024-04-15T00:00:00Z"));
    }

    @Test
    void cancelAtPeriodEndInvoicesOnlyTheCurrentPeriodOnceItEnded() {
        BillingPlan plan = BillingPlanner.plan(
                monthly("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", true),
                at("2024-05-10T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).containsExactly(period("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
        assertThat(plan.currentPeriod()).isEqualTo(period("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z"));
        assertThat(plan.cancel()).isTrue();
    }

    @Test
    void cancelAtPeriodEndWaitsForTheCurrentPeriodToEnd() {
        BillingPlan plan = BillingPlanner.plan(
                monthly("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", true),
                at("2024-01-20T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).isEmpty();
        assertThat(plan.cancel()).isFalse();
    }

    @Test
    void aStoredPeriodOffTheAnchorGridIsFollowedByPeriodsBackOnIt() {
        SubscriptionTerms terms = new SubscriptionTerms(BillingInterval.WEEKLY, 1, at("2024-01-01T00:00:00Z"),
                at("2024-01-03T00:00:00Z"), null, at("2024-01-01T00:00:00Z"), false);

        BillingPlan plan = BillingPlanner.plan(terms, at("2024-01-16T00:00:00Z"));

        assertThat(plan.periodsToInvoice()).containsExactly(
                period("2024-01-03T00:00:00Z", "2024-01-08T00:00:00Z"),
                period("2024-01-08T00:00:00Z", "2024-01-15T00:00:00Z"));
        assertThat(plan.currentPeriod()).isEqualTo(period("2024-01-15T00:00:00Z", "2024-01-22T00:00:00Z"));
    }
}
