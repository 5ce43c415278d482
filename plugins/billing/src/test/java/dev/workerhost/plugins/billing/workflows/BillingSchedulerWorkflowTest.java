package dev.workerhost.plugins.billing.workflows;

import static dev.workerhost.plugins.billing.Rows.fixedPrice;
import static dev.workerhost.plugins.billing.Rows.lineItem;
import static dev.workerhost.plugins.billing.Rows.subscription;
import static dev.workerhost.plugins.billing.Rows.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.billing.BillingModule;
import dev.workerhost.plugins.billing.Queries;
import dev.workerhost.plugins.billing.models.BillingSchedulerInput;
import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import dev.workerhost.plugins.billing.models.SubscriptionBillingResult;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Execution(ExecutionMode.CONCURRENT)
class BillingSchedulerWorkflowTest {

    private static final String TYPE = "BillingSchedulerWorkflow";
    private static final int DUE = 200;

    /**
     * Real time: with time skipping, a slow machine lets the test server jump over an activity's retry backoff or
     * timeout into the next day, and every subscription falls due again.
     */
    private static PluginTestEnvironment environment(TestDatabase db, String schedule) {
        DomainSchema.migrate(db.dataSource());
        return PluginTestEnvironment.builder()
                .dataSource("default", db.dataSource())
                .config("plugins.billing { schedule = \"" + schedule + "\", demo-data = false }")
                .timeSkipping(false)
                .start();
    }

    /** {@value #DUE} daily subscriptions, one ended period each, over two tenants; plus some that are not due. */
    private static void subscriptions(TestDatabase db, Instant today) {
        String yesterday = ts(today.minus(1, ChronoUnit.DAYS).toString());
        String tomorrow = ts(today.plus(1, ChronoUnit.DAYS).toString());
        List<String> rows = new ArrayList<>();
        for (String tenant : List.of("t1", "t2")) {
            rows.add(fixedPrice(tenant, "p_" + tenant, "3.50"));
        }
        for (int i = 0; i < DUE; i++) {
            String tenant = i % 2 == 0 ? "t1" : "t2";
            String id = String.format("sub_%03d", i);
            rows.add(subscription(tenant, id, "cus_" + i, "DAILY", "current_period_start", yesterday,
                    "current_period_end", ts(today.toString()), "billing_anchor", yesterday));
            rows.add(lineItem(tenant, "li_" + i, id, "p_" + tenant, "1", null, null));
        }
        rows.add(subscription("t1", "sub_running", "c", "DAILY", "current_period_start", ts(today.toString()),
                "current_period_end", tomorrow));
        rows.add(subscription("t1", "sub_draft", "c", "DAILY", "current_period_start", yesterday,
                "current_period_end", ts(today.toString()), "subscription_status", "'DRAFT'"));
        rows.add(subscription("t1", "sub_cancelled", "c", "DAILY", "current_period_start", yesterday,
                "current_period_end", ts(today.toString()), "subscription_status", "'CANCELLED'"));
        db.execute(rows.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void billsEveryDueSubscriptionOnceAPageAtATimeAndARerunBillsNone(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine); PluginTestEnvironment env = environment(db, "")) {
            Instant today = env.currentTime().truncatedTo(ChronoUnit.DAYS);
            subscriptions(db, today);

            BillingSchedulerResult first =
                    env.execute(TYPE, new BillingSchedulerInput(30), BillingSchedulerResult.class);
            BillingSchedulerResult rerun =
                    env.execute(TYPE, new BillingSchedulerInput(null), BillingSchedulerResult.class);

            assertThat(first).isEqualTo(new BillingSchedulerResult(DUE, DUE, 0, 0));
            assertThat(rerun).isEqualTo(new BillingSchedulerResult(0, 0, 0, 0));
            assertThat(Queries.single(db, "SELECT COUNT(*) AS invoices,"
                    + " COUNT(DISTINCT subscription_id) AS subscriptions, SUM(total) FROM invoices"))
                    .isEqualTo(DUE + "|" + DUE + "|700");
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM subscriptions WHERE current_period_start = "
                    + ts(today.toString()))).isEqualTo(String.valueOf(DUE + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aPageWithARowThatCannotBeBilledGetsOneBillingWorkflowPerSubscription(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine); PluginTestEnvironment env = environment(db, "")) {
            Instant today = env.currentTime().truncatedTo(ChronoUnit.DAYS);
            subscriptions(db, today);
            db.execute("UPDATE subscription_line_items SET price_id = 'p_gone' WHERE id = 'li_15'");

            BillingSchedulerResult first =
                    env.execute(TYPE, new BillingSchedulerInput(10), BillingSchedulerResult.class);
            for (int i = 10; i < 20; i++) {
                String id = String.format("SubscriptionBillingWorkflow-sub_%03d", i);
                if (i == 15) {
                    assertThatThrownBy(() -> env.result(id, SubscriptionBillingResult.class))
                            .hasStackTraceContaining("line item li_15 refers to price p_gone");
                } else {
                    assertThat(env.result(id, SubscriptionBillingResult.class).invoicesCreated()).isEqualTo(1);
                }
            }
            BillingSchedulerResult rerun =
                    env.execute(TYPE, new BillingSchedulerInput(10), BillingSchedulerResult.class);
            assertThatThrownBy(() -> env.result("SubscriptionBillingWorkflow-sub_015", SubscriptionBillingResult.class))
                    .hasStackTraceContaining("line item li_15 refers to price p_gone");

            // The page sub_010 .. sub_019 went to workflows, the others were billed by the pass itself.
            assertThat(first).isEqualTo(new BillingSchedulerResult(DUE - 10, DUE - 10, 10, 0));
            // Only the broken one is still due: its page of one fails again and gets a workflow again.
            assertThat(rerun).isEqualTo(new BillingSchedulerResult(0, 0, 1, 0));
            assertThat(Queries.single(db, "SELECT COUNT(*) AS invoices,"
                    + " COUNT(DISTINCT subscription_id) AS subscriptions FROM invoices"))
                    .isEqualTo((DUE - 1) + "|" + (DUE - 1));
        }
    }
}
