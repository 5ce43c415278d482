package dev.workerhost.plugins.billing.periods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodCalculatorTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Period period(String start, String end) {
        return new Period(at(start), at(end));
    }

    @Test
    void dailyPeriodsRunFromTheAnchorTimeOfDay() {
        PeriodCalculator daily = new PeriodCalculator(BillingInterval.DAILY, 1, at("2024-03-01T06:30:00Z"));

        assertThat(daily.periodContaining(at("2024-03-05T06:29:59Z")))
                .isEqualTo(period("2024-03-04T06:30:00Z", "2024-03-05T06:30:00Z"));
        assertThat(daily.periodContaining(at("2024-03-05T06:30:00Z")))
                .isEqualTo(period("2024-03-05T06:30:00Z", "2024-03-06T06:30:00Z"));
    }

    @Test
    void countsMultiplyEveryKindOfInterval() {
        Instant anchor = at("2024-01-10T00:00:00Z");

        assertThat(new PeriodCalculator(BillingInterval.DAILY, 3, anchor).periodContaining(at("2024-01-14T00:00:00Z")))
                .isEqualTo(period("2024-01-13T00:00:00Z", "2024-01-16T00:00:00Z"));
        assertThat(new PeriodCalculator(BillingInterval.WEEKLY, 2, anchor).periodContaining(at("2024-01-25T00:00:00Z")))
                .isEqualTo(period("2024-01-24T00:00:00Z", "2024-02-07T00:00:00Z"));
        assertThat(new PeriodCalculator(BillingInterval.MONTHLY, 3, anchor).periodContaining(at("2024-05-01T00:00:00Z")))
                .isEqualTo(period("2024-04-10T00:00:00Z", "2024-07-10T00:00:00Z"));
        assertThat(new PeriodCalculator(BillingInterval.ANNUAL, 2, anchor).periodContaining(at("2027-01-09T00:00:00Z")))
                .isEqualTo(period("2026-01-10T00:00:00Z", "2028-01-10T00:00:00Z"));
    }

    @Test
    void weeklyPeriodsAreSevenDays() {
        PeriodCalculator weekly = new PeriodCalculator(BillingInterval.WEEKLY, 1, at("2024-02-26T00:00:00Z"));

        assertThat(weekly.nextBoundaryAfter(at("2024-02-26T00:00:00Z"))).isEqualTo(at("2024-03-04T00:00:00Z"));
        assertThat(weekly.nextBoundaryAfter(at("2024-03-04T00:00:00Z"))).isEqualTo(at("2024-03-11T00:00:00Z"));
    }

    @Test
    void monthEndAnchorClampsToShortMonthsAndReturnsToTheThirtyFirst() {
        PeriodCalculator monthly = new PeriodCalculator(BillingInterval.MONTHLY, 1, at("2023-01-31T00:00:00Z"));

        assertThat(monthly.nextBoundaryAfter(at("2023-01-31T00:00:00Z"))).isEqualTo(at("2023-02-28T00:00:00Z"));
        assertThat(monthly.nextBoundaryAfter(at("2023-02-28T00:00:00Z"))).isEqualTo(at("2023-03-31T00:00:00Z"));
        assertThat(monthly.nextBoundaryAfter(at("2023-03-31T00:00:00Z"))).isEqualTo(at("2023-04-30T00:00:00Z"));
        assertThat(monthly.nextBoundaryAfter(at("2023-04-30T00:00:00Z"))).isEqualTo(at("2023-05-31T00:00:00Z"));
    }

    @Test
    void leapYearsGiveFebruaryTwentyNinth() {
        PeriodCalculator monthly = new PeriodCalculator(BillingInterval.MONTHLY, 1, at("2024-01-31T12:00:00Z"));
        assertThat(monthly.periodContaining(at("2024-03-01T00:00:00Z")))
                .isEqualTo(period("2024-02-29T12:00:00Z", "2024-03-31T12:00:00Z"));

        PeriodCalculator annual = new PeriodCalculator(BillingInterval.ANNUAL, 1, at("2024-02-29T00:00:00Z"));
        assertThat(annual.periodContaining(at("2025-06-01T00:00:00Z")))
                .isEqualTo(period("2025-02-28T00:00:00Z", "2026-02-28T00:00:00Z"));
        assertThat(annual.periodContaining(at("2028-03-01T00:00:00Z")))
                .isEqualTo(period("2028-02-29T00:00:00Z", "2029-02-28T00:00:00Z"));
    }

    @Test
    void periodsExtendBeforeTheAnchor() {
        PeriodCalculator monthly = new PeriodCalculator(BillingInterval.MONTHLY, 1, at("2024-03-31T00:00:00Z"));

        assertThat(monthly.periodContaining(at("2024-03-15T00:00:00Z")))
                .isEqualTo(period("2024-02-29T00:00:00Z", "2024-03-31T00:00:00Z"));
    }

    @Test
    void farFromTheAnchorTheSearchStillLandsOnTheExactPeriod() {
        PeriodCalculator monthly = new PeriodCalculator(BillingInterval.MONTHLY, 1, at("2000-01-31T00:00:00Z"));

        assertThat(monthly.periodContaining(at("2031-03-01T00:00:00Z")))
                .isEqualTo(period("2031-02-28T00:00:00Z", "2031-03-31T00:00:00Z"));
    }

    @Test
    void rejectsCountsBelowOne() {
        assertThatThrownBy(() -> new PeriodCalculator(BillingInterval.DAILY, 0, at("2024-01-01T00:00:00Z")))
                .hasMessageContaining("billing_period_count must be at least 1");
    }
}
