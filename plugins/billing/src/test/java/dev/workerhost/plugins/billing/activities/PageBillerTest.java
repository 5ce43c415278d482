package dev.workerhost.plugins.billing.activities;

import static dev.workerhost.plugins.billing.Rows.customer;
import static dev.workerhost.plugins.billing.Rows.event;
import static dev.workerhost.plugins.billing.Rows.fixedPrice;
import static dev.workerhost.plugins.billing.Rows.lineItem;
import static dev.workerhost.plugins.billing.Rows.meter;
import static dev.workerhost.plugins.billing.Rows.subscription;
import static dev.workerhost.plugins.billing.Rows.ts;
import static dev.workerhost.plugins.billing.Rows.usagePrice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.billing.Queries;
import dev.workerhost.plugins.billing.persistence.DueSubscription;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.testkit.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PageBillerTest {

    private static final Instant NOW = Instant.parse("2024-03-15T00:00:00Z");
    private static final Runnable NO_PROGRESS = () -> { };
    private static final List<DueSubscription> PAGE = List.of(
            new DueSubscription("sub_a", "t1", "env"),
            new DueSubscription("sub_b", "t1", "env"),
            new DueSubscription("sub_c", "t2", "env"));

    /**
     * Over two tenants: sub_a two months behind (January and February, a fixed fee and a SUM meter), sub_b to cancel
     * at the end of February, sub_c whose February already has an invoice (written by a billing workflow).
     */
    private static TestDatabase database(TestDatabase.Engine engine) {
        TestDatabase db = TestDatabase.create(engine);
        DomainSchema.migrate(db.dataSource());
        String january = ts("2024-01-01T00:00:00Z");
        String february = ts("2024-02-01T00:00:00Z");
        String march = ts("2024-03-01T00:00:00Z");
        db.execute(
                customer("t1", "cus_a", "ext_a"),
                customer("t1", "cus_b", "ext_b"),
                customer("t2", "cus_c", "ext_c"),
                meter("t1", "m_gb", "storage", "SUM", "gb"),
                fixedPrice("t1", "p_fee", "10"),
                fixedPrice("t2", "p_fee_t2", "7"),
                usagePrice("t1", "p_gb", "PER_UNIT", "0.5", "m_gb"),
                subscription("t1", "sub_a", "cus_a", "MONTHLY", "billing_anchor", january, "start_date", january,
                        "current_period_start", january, "current_period_end", february),
                subscription("t1", "sub_b", "cus_b", "MONTHLY", "billing_anchor", january, "start_date", january,
                        "current_period_start", february, "current_period_end", march, "cancel_at_period_end",
                        "TRUE"),
                subscription("t2", "sub_c", "cus_c", "MONTHLY", "billing_anchor", january, "start_date", january,
                        "current_period_start", february, "current_period_end", march),
                lineItem("t1", "li_a_fee", "sub_a", "p_fee", "1", "2024-01-01T00:00:00Z", null),
                lineItem("t1", "li_a_gb", "sub_a", "p_gb", "0", "2024-01-01T00:00:00Z", null),
                lineItem("t1", "li_b_fee", "sub_b", "p_fee", "1", "2024-01-01T00:00:00Z", null),
                lineItem("t2", "li_c_fee", "sub_c", "p_fee_t2", "1", "2024-01-01T00:00:00Z", null),
                event("t1", "e1", "storage", "ext_a", "2024-01-03T00:00:00Z", "{\"gb\": 2}"),
                event("t1", "e2", "storage", "ext_a", "2024-01-31T23:59:59Z", "{\"gb\": \"3\"}"),
                event("t1", "e3", "storage", "ext_a", "2024-02-01T00:00:00Z", "{\"gb\": 10}"),
                event("t1", "e4", "storage", "ext_a", "2024-03-01T00:00:00Z", "{\"gb\": 100}"),
                event("t1", "e5", "storage", "ext_b", "2024-02-10T00:00:00Z", "{\"gb\": 1000}"),
                "INSERT INTO invoices (id, tenant_id, environment_id, customer_id, subscription_id, period_start,"
                        + " period_end, currency, total) VALUES ('inv_by_workflow', 't2', 'env', 'cus_c', 'sub_c', "
                        + february + ", " + march + ", 'USD', 7)");
        return db;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void billsThePageByTheRulesOfOneRunAndARerunOfTheSamePageWritesNothing(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            MeterRegistry registry = new SimpleMeterRegistry();
            PageBiller biller = new PageBiller(new Transactions(db.dataSource()), new InvoiceMeters(registry));

            PageBiller.PageBilled first = biller.bill(PAGE, NOW, NO_PROGRESS);
            // A retried attempt whose first one committed, or a second pass: the periods have moved on.
            PageBiller.PageBilled again = biller.bill(PAGE, NOW, NO_PROGRESS);

            assertThat(first.subscriptions()).isEqualTo(3);
            assertThat(first.invoices()).hasSize(3);
            assertThat(again.invoices()).isEmpty();
            assertThat(registry.counter("billing.invoices.created").count()).isEqualTo(3.0);
            assertThat(Queries.rows(db, "SELECT subscription_id, id = 'inv_by_workflow', total FROM invoices"
                    + " ORDER BY subscription_id, period_start")).containsExactly(
                    "sub_a|false|12.5", "sub_a|false|15", "sub_b|false|10", "sub_c|true|7");
            assertThat(Queries.rows(db, "SELECT l.line_item_id, l.quantity, l.amount FROM invoice_line_items l"
                    + " JOIN invoices i ON i.id = l.invoice_id WHERE i.subscription_id = 'sub_a'"
                    + " ORDER BY i.period_start, l.line_item_id")).containsExactly(
                    "li_a_fee|1|10", "li_a_gb|5|2.5", "li_a_fee|1|10", "li_a_gb|10|5");
            assertThat(Queries.rows(db, "SELECT id, subscription_status, current_period_start, current_period_end"
                    + " FROM subscriptions ORDER BY id")).containsExactly(
                    "sub_a|ACTIVE|2024-03-01T00:00:00Z|2024-04-01T00:00:00Z",
                    "sub_b|CANCELLED|2024-02-01T00:00:00Z|2024-03-01T00:00:00Z",
                    "sub_c|ACTIVE|2024-03-01T00:00:00Z|2024-04-01T00:00:00Z");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aRowThatCannotBeBilledFailsThePageAndWritesNothingOfIt(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            db.execute("UPDATE subscription_line_items SET price_id = 'p_gone' WHERE id = 'li_b_fee'");
            PageBiller biller =
                    new PageBiller(new Transactions(db.dataSource()), new InvoiceMeters(new SimpleMeterRegistry()));

            assertThatThrownBy(() -> biller.bill(PAGE, NOW, NO_PROGRESS))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("line item li_b_fee refers to price p_gone");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("1");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM subscriptions WHERE current_period_start = "
                    + ts("2024-03-01T00:00:00Z"))).isEqualTo("0");
        }
    }

    /** On PostgreSQL the page's SUM first fails its unchecked cast; the transaction goes on to name the event. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aUsageValueThatIsNoNumberFailsThePageNamingTheEvent(TestDatabase.Engine engine) {
        try (TestDatabase db = database(engine)) {
            db.execute(event("t1", "e_bad", "storage", "ext_a", "2024-02-02T00:00:00Z", "{\"gb\": \"lots\"}"));
            PageBiller biller =
                    new PageBiller(new Transactions(db.dataSource()), new InvoiceMeters(new SimpleMeterRegistry()));

            assertThatThrownBy(() -> biller.bill(PAGE, NOW, NO_PROGRESS))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("event e_bad has properties.gb = lots, which is not a number");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("1");
        }
    }
}
