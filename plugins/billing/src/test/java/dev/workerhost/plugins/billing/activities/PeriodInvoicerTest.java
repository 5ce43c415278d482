package dev.workerhost.plugins.billing.activities;

import static dev.workerhost.plugins.billing.Rows.customer;
import static dev.workerhost.plugins.billing.Rows.event;
import static dev.workerhost.plugins.billing.Rows.fixedPrice;
import static dev.workerhost.plugins.billing.Rows.lineItem;
import static dev.workerhost.plugins.billing.Rows.meter;
import static dev.workerhost.plugins.billing.Rows.subscription;
import static dev.workerhost.plugins.billing.Rows.usagePrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.billing.Queries;
import dev.workerhost.plugins.billing.models.InvoiceOutcome;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.testkit.TestDatabase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeriodInvoicerTest {

    private static final Scope SCOPE = new Scope("t1", "env");
    private static final Period JANUARY =
            new Period(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));
    private static final String TIERS = "[{\"up_to\": 100, \"unit_amount\": 1, \"flat_amount\": 10},"
            + " {\"up_to\": 200, \"unit_amount\": 0.5, \"flat_amount\": 20},"
            + " {\"up_to\": null, \"unit_amount\": 0.1, \"flat_amount\": 30}]";
    private static final Runnable NO_PROGRESS = () -> { };

    private static TestDatabase database(TestDatabase.Engine engine) {
        TestDatabase db = TestDatabase.create(engine);
        DomainSchema.migrate(db.dataSource());
        db.execute(
                customer("t1", "cus1", "cus_ext"),
                subscription("t1", "sub1", "cus1", "MONTHLY", "start_date", "TIMESTAMP WITH TIME ZONE"
                        + " '2023-12-01 00:00:00+00'"));
        return db;
    }

    private static void insertEveryKindOfLine(TestDatabase db) {
        db.execute(
                meter("t1", "m_count", "api_call", "COUNT", null),
                meter("t1", "m_sum", "storage", "SUM", "gb"),
                meter("t1", "m_max", "seat", "MAX", "seats"),
                meter("t1", "m_unique", "login", "COUNT_UNIQUE", "user"),
                meter("t1", "m_latest", "level", "LATEST", "level"),
                fixedPrice("t1", "p_fixed", "19.99"),
                fixedPrice("t1", "p_ended", "1000"),
                usagePrice("t1", "p_per_unit", "PER_UNIT", "0.10", "m_count"),
                usagePrice("t1", "p_per_unit_late", "PER_UNIT", "1", "m_count"),
                usagePrice("t1", "p_package", "PACKAGE", "5", "m_sum", "package_size", "10"),
                usagePrice("t1", "p_volume", "TIERED", "0", "m_max", "tiers", "'" + TIERS + "'"),
                usagePrice("t1", "p_slab", "TIERED", "0", "m_unique", "tiers", "'" + TIERS + "'", "tier_mode", "'SLAB'"),
                usagePrice("t1", "p_flat", "FLAT_FEE", "15", "m_latest"),
                lineItem("t1", "li_fixed", "sub1", "p_fixed", "2", "2023-12-01T00:00:00Z", null),
                lineItem("t1", "li_per_unit", "sub1", "p_per_unit", "0", "2023-12-01T00:00:00Z", null),
                lineItem("t1", "li_per_unit_late", "sub1", "p_per_unit_late", "0", "2024-01-16T00:00:00Z", null),
                lineItem("t1", "li_package", "sub1", "p_package", "0", "2023-12-01T00:00:00Z", null),
                lineItem("t1", "li_volume", "sub1", "p_volume", "0", null, null),
                lineItem("t1", "li_slab", "sub1", "p_slab", "0", "2023-12-01T00:00:00Z", null),
                lineItem("t1", "li_flat", "sub1", "p_flat", "0", "2023-12-01T00:00:00Z", null),
                lineItem("t1", "li_ended", "sub1", "p_ended", "1", "2023-12-01T00:00:00Z", "2024-01-01T00:00:00Z"),
                lineItem("t1", "li_future", "sub1", "p_ended", "1", "2024-02-01T00:00:00Z", null),
                lineItem("t1", "li_other_sub", "sub2", "p_ended", "1", "2023-12-01T00:00:00Z", null),
                event("t1", "c1", "api_call", "cus_ext", "2024-01-01T00:00:00Z", "{}"),
                event("t1", "c2", "api_call", "cus_ext", "2024-01-20T00:00:00Z", "{}"),
                event("t1", "c3", "api_call", "cus_ext", "2024-01-31T23:59:59Z", "{}"),
                event("t1", "c4", "api_call", "cus_ext", "2024-02-01T00:00:00Z", "{}"),
                event("t1", "c5", "api_call", "other_ext", "2024-01-20T00:00:00Z", "{}"),
                event("t2", "c6", "api_call", "cus_ext", "2024-01-20T00:00:00Z", "{}"),
                event("t1", "s1", "storage", "cus_ext", "2024-01-02T00:00:00Z", "{\"gb\": 4}"),
                event("t1", "s2", "storage", "cus_ext", "2024-01-03T00:00:00Z", "{\"gb\": 4.5}"),
                event("t1", "s3", "storage", "cus_ext", "2024-01-04T00:00:00Z", "{\"gb\": \"3\"}"),
                event("t1", "seat1", "seat", "cus_ext", "2024-01-02T00:00:00Z", "{\"seats\": 40}"),
                event("t1", "seat2", "seat", "cus_ext", "2024-01-05T00:00:00Z", "{\"seats\": 101}"),
                event("t1", "u1", "login", "cus_ext", "2024-01-02T00:00:00Z", "{\"user\": \"ann\"}"),
                event("t1", "u2", "login", "cus_ext", "2024-01-03T00:00:00Z", "{\"user\": \"bob\"}"),
                event("t1", "u3", "login", "cus_ext", "2024-01-04T00:00:00Z", "{\"user\": \"ann\"}"),
                event("t1", "u4", "login", "cus_ext", "2024-01-05T00:00:00Z", "{\"user\": \"cy\"}"),
                event("t1", "l1", "level", "cus_ext", "2024-01-05T00:00:00Z", "{\"level\": 4}"));
    }

    private static PeriodInvoicer invoicer(TestDatabase db, MeterRegistry meters) {
        return new PeriodInvoicer(new Transactions(db.dataSource()), new InvoiceMeters(meters));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void pricesEveryLineItemOverlappingThePeriodToTheCent(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            insertEveryKindOfLine(db);

            InvoiceOutcome outcome = invoicer(db, new SimpleMeterRegistry())
                    .invoice(SCOPE, "sub1", JANUARY, "inv_1", NO_PROGRESS);

            assertThat(outcome).isEqualTo(new InvoiceOutcome("inv_1", true));
            // 39.98 fixed + 0.30 per unit + 2.00 per unit from Jan 16 + 10.00 package + 70.50 volume + 13.00 slab
            // + 15.00 flat fee
            assertThat(Queries.single(db, "SELECT id, tenant_id, environment_id, customer_id, subscription_id,"
                    + " period_start, period_end, currency, subtotal, total, invoice_status FROM invoices"))
                    .isEqualTo("inv_1|t1|env|cus1|sub1|2024-01-01T00:00:00Z|2024-02-01T00:00:00Z|USD|150.78|150.78"
                            + "|FINALIZED");
            assertThat(Queries.rows(db, "SELECT line_item_id, price_id, meter_id, display_name, quantity, amount,"
                    + " period_start, period_end FROM invoice_line_items WHERE invoice_id = 'inv_1'"
                    + " ORDER BY line_item_id"))
                    .containsExactly(
                            "li_fixed|p_fixed|null|p_fixed|2|39.98|2024-01-01T00:00:00Z|2024-02-01T00:00:00Z",
                            "li_flat|p_flat|m_latest|m_latest name|4|15|2024-01-01T00:00:00Z|2024-02-01T00:00:00Z",
                            "li_package|p_package|m_sum|m_sum name|11.5|10|2024-01-01T00:00:00Z|2024-02-01T00:00:00Z",
                            "li_per_unit|p_per_unit|m_count|m_count name|3|0.3|2024-01-01T00:00:00Z"
                                    + "|2024-02-01T00:00:00Z",
                            "li_per_unit_late|p_per_unit_late|m_count|m_count name|2|2|2024-01-16T00:00:00Z"
                                    + "|2024-02-01T00:00:00Z",
                            "li_slab|p_slab|m_unique|m_unique name|3|13|2024-01-01T00:00:00Z|2024-02-01T00:00:00Z",
                            "li_volume|p_volume|m_max|m_max name|101|70.5|2024-01-01T00:00:00Z"
                                    + "|2024-02-01T00:00:00Z");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aPeriodIsInvoicedOnceAndARetryRecognisesItsOwnInvoice(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            db.execute(fixedPrice("t1", "p_fixed", "10"),
                    lineItem("t1", "li_fixed", "sub1", "p_fixed", "1", null, null));
            MeterRegistry meters = new SimpleMeterRegistry();
            PeriodInvoicer invoicer = invoicer(db, meters);

            assertThat(invoicer.invoice(SCOPE, "sub1", JANUARY, "inv_first", NO_PROGRESS))
                    .isEqualTo(new InvoiceOutcome("inv_first", true));
            assertThat(invoicer.invoice(SCOPE, "sub1", JANUARY, "inv_second", NO_PROGRESS))
                    .isEqualTo(new InvoiceOutcome("inv_first", false));
            assertThat(invoicer.invoice(SCOPE, "sub1", JANUARY, "inv_first", NO_PROGRESS))
                    .isEqualTo(new InvoiceOutcome("inv_first", true));

            assertThat(Queries.rows(db, "SELECT id, total FROM invoices")).containsExactly("inv_first|10");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoice_line_items")).isEqualTo("1");
            assertThat(meters.get("billing.invoices.created").counter().count()).isEqualTo(1);
            DistributionSummary amounts = meters.get("billing.invoice.amount").tag("currency", "USD").summary();
            assertThat(amounts.count()).isEqualTo(1);
            assertThat(amounts.totalAmount()).isEqualTo(10.0);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aPeriodWithoutLineItemsGetsAZeroInvoice(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            invoicer(db, new SimpleMeterRegistry()).invoice(SCOPE, "sub1", JANUARY, "inv_1", NO_PROGRESS);

            assertThat(Queries.single(db, "SELECT subtotal, total FROM invoices")).isEqualTo("0|0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void unbillableRowsFailNamingTheRowAndWriteNothing(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            db.execute(fixedPrice("t1", "p_fixed", "10"),
                    usagePrice("t1", "p_usage", "PER_UNIT", "1", "m_missing"),
                    lineItem("t1", "li_fixed", "sub1", "p_fixed", "1", null, null),
                    lineItem("t1", "li_usage", "sub1", "p_usage", "0", null, null));
            MeterRegistry meters = new SimpleMeterRegistry();
            PeriodInvoicer invoicer = invoicer(db, meters);

            assertThatThrownBy(() -> invoicer.invoice(SCOPE, "sub1", JANUARY, "inv_1", NO_PROGRESS))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessage("price p_usage refers to meter m_missing, which does not exist in tenant t1,"
                            + " environment env");
            assertThatThrownBy(() -> invoicer.invoice(new Scope("t2", "env"), "sub1", JANUARY, "inv_1", NO_PROGRESS))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("subscription sub1 does not exist in tenant t2, environment env");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("0");
            assertThat(meters.get("billing.invoices.created").counter().count()).isZero();
        }
    }
}
