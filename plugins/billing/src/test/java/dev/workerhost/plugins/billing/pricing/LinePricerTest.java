package dev.workerhost.plugins.billing.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LinePricerTest {

    /** 1-100 at 1.00 (+10 flat), 101-200 at 0.50 (+20 flat), above at 0.10 (+30 flat). */
    static final String TIERS = "[{\"up_to\": 100, \"unit_amount\": 1.00, \"flat_amount\": 10},"
            + " {\"up_to\": 200, \"unit_amount\": \"0.50\", \"flat_amount\": 20},"
            + " {\"up_to\": null, \"unit_amount\": 0.10, \"flat_amount\": 30}]";

    private static PriceTerms usage(BillingModel model, String amount, String packageSize, String tiers,
            TierMode mode) {
        return new PriceTerms("price_1", PriceType.USAGE, new BigDecimal(amount), model,
                packageSize == null ? null : new BigDecimal(packageSize), tiers, mode);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void fixedChargesAmountTimesQuantityRoundedHalfUp() {
        PriceTerms price = new PriceTerms("p", PriceType.FIXED, d("9.99"), BillingModel.FLAT_FEE, null, null,
                TierMode.VOLUME);
        assertThat(LinePricer.fixed(price, d("3"))).isEqualByComparingTo("29.97").hasScaleOf(2);

        PriceTerms halfCent = new PriceTerms("p", PriceType.FIXED, d("0.125"), BillingModel.FLAT_FEE, null, null,
                TierMode.VOLUME);
        assertThat(LinePricer.fixed(halfCent, d("1"))).isEqualTo(d("0.13"));
    }

    @Test
    void flatFeeChargesTheAmountWhateverTheUsage() {
        PriceTerms price = usage(BillingModel.FLAT_FEE, "15", null, null, TierMode.VOLUME);
        assertThat(LinePricer.usage(price, d("0"))).isEqualTo(d("15.00"));
        assertThat(LinePricer.usage(price, d("12345"))).isEqualTo(d("15.00"));
    }

    @Test
    void perUnitChargesUsageTimesAmountRoundedHalfUp() {
        PriceTerms price = usage(BillingModel.PER_UNIT, "0.015", null, null, TierMode.VOLUME);
        assertThat(LinePricer.usage(price, d("7"))).isEqualTo(d("0.11"));
        assertThat(LinePricer.usage(price, d("0"))).isEqualTo(d("0.00"));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "1, 5.00", "100, 5.00", "101, 10.00", "250, 15.00", "100.5, 10.00"})
    void packageChargesEveryStartedPackage(String usage, String amount) {
        PriceTerms price = usage(BillingModel.PACKAGE, "5", "100", null, TierMode.VOLUME);
        assertThat(LinePricer.usage(price, d(usage))).isEqualTo(d(amount));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "1, 11.00", "100, 110.00", "101, 70.50", "200, 120.00", "201, 50.10", "1000, 130.00"})
    void volumePricesAllUnitsInTheTierTheTotalFallsIn(String usage, String amount) {
        PriceTerms price = usage(BillingModel.TIERED, "0", null, TIERS, TierMode.VOLUME);
        assertThat(LinePricer.usage(price, d(usage))).isEqualTo(d(amount));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "1, 11.00", "100, 110.00", "101, 130.50", "200, 180.00", "201, 210.10", "250, 215.00"})
    void slabPricesEachTiersUnitsAtItsOwnPricePlusEachUsedTiersFlatAmount(String usage, String amount) {
        PriceTerms price = usage(BillingModel.TIERED, "0", null, TIERS, TierMode.SLAB);
        assertThat(LinePricer.usage(price, d(usage))).isEqualTo(d(amount));
    }

    @Test
    void unitsBeyondABoundedLastTierStayInIt() {
        String tiers = "[{\"up_to\": 10, \"unit_amount\": 2}, {\"up_to\": 20, \"unit_amount\": 1}]";
        assertThat(LinePricer.usage(usage(BillingModel.TIERED, "0", null, tiers, TierMode.VOLUME), d("25")))
                .isEqualTo(d("25.00"));
        assertThat(LinePricer.usage(usage(BillingModel.TIERED, "0", null, tiers, TierMode.SLAB), d("25")))
                .isEqualTo(d("35.00"));
    }

    @Test
    void packageWithoutAPackageSizeIsInvalidData() {
        assertThatThrownBy(() -> LinePricer.usage(usage(BillingModel.PACKAGE, "5", null, null, TierMode.VOLUME),
                d("3")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("price price_1 has billing_model PACKAGE but package_size is null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json| has tiers that are not valid JSON",
        "[]| has tiers that are not a non-empty JSON array",
        "[{\"up_to\": null, \"unit_amount\": 1}, {\"up_to\": 5, \"unit_amount\": 1}]| has tier 1 without up_to"
                + " before the last tier",
        "[{\"up_to\": 5, \"unit_amount\": 1}, {\"up_to\": 5, \"unit_amount\": 1}]| has tier 2 whose up_to 5 is not"
                + " greater than the previous one (5)",
        "[{\"up_to\": 5, \"unit_amount\": \"abc\"}]| has tier 1 whose unit_amount is not a number: \"abc\""})
    void malformedTiersNameThePriceAndTheCause(String tiers, String cause) {
        assertThatThrownBy(() -> LinePricer.usage(usage(BillingModel.TIERED, "0", null, tiers, TierMode.VOLUME),
                d("3")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("price price_1 " + cause);
    }
}
