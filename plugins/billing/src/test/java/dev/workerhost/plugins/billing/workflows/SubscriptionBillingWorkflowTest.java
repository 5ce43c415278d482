package dev.workerhost.plugins.billing.workflows;

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

import dev.workerhost.plugins.billing.BillingModule;
import dev.workerhost.plugins.billing.Queries;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionBillingResult;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.FailedWorkflowException;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import dev.workerhost.testkit.WorkflowHistory;
import dev.workerhost.testkit.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Execution(ExecutionMode.CONCURRENT)
class SubscriptionBillingWorkflowTest {

    private static final String TYPE = "SubscriptionBillingWorkflow";
    private static final SubscriptionBillingInput SUB1 = new SubscriptionBillingInput("sub1", "t1", "env");

    private static PluginTestEnvironment environment(TestDatabase db) {
        DomainSchema.migrate(db.dataSource());
        return PluginTestEnvironment.builder()
                .dataSource("default", db.dataSource())
                .config("plugins.billing { schedule = \"\", demo-data = false }")
                .start();
    }

    private static Instant today(PluginTestEnvironment env) {
        return env.currentTime().truncatedTo(ChronoUnit.DAYS);
    }

    private static String day(Instant today, int offset) {
        return today.plus(offset, ChronoUnit.DAYS).toString();
    }

    /** A daily subscription three periods behind: a 10.00 fee plus api calls at 1.00 (1, 2 and 0 calls). */
    private static void dailySubscriptionThreePeriodsBehind(TestDatabase db, Instant today, String... extra) {
        String[] columns = new String[6 + extra.length];
        columns[0] = "current_period_start";
        columns[1] = ts(day(today, -3));
        columns[2] = "current_period_end";
        columns[3] = ts(day(today, -2));
        columns[4] = "billing_anchor";
        columns[5] = ts(day(today, -3));
        System.arraycopy(extra, 0, columns, 6, extra.length);
        db.execute(
                customer("t1", "cus1", "cus_ext"),
                subscription("t1", "sub1", "cus1", "DAILY", columns),
                meter("t1", "m_calls", "api_call", "COUNT", null),
                fixedPrice("t1", "p_fee", "10"),
                usagePrice("t1", "p_calls", "PER_UNIT", "1", "m_calls"),
                lineItem("t1", "li_fee", "sub1", "p_fee", "1", day(today, -3), null),
                lineItem("t1", "li_calls", "sub1", "p_calls", "0", day(today, -3), null),
                event("t1", "e1", "api_call", "cus_ext", day(today, -3), "{}"),
                event("t1", "e2", "api_call", "cus_ext", day(today, -2), "{}"),
                event("t1", "e3", "api_call", "cus_ext", today.minus(1, ChronoUnit.DAYS).minusSeconds(1).toString(),
                        "{}"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void invoicesEveryEndedPeriodMovesTheCurrentPeriodAndARerunCreatesNothing(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine); PluginTestEnvironment env = environment(db)) {
            Instant today = today(env);
            dailySubscriptionThreePeriodsBehind(db, today);

            SubscriptionBillingResult first = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            assertThat(first.invoicesCreated()).isEqualTo(3);
            assertThat(first.invoiceIds()).hasSize(3).allMatch(id -> id.startsWith("inv_"));
            assertThat(first.currentPeriodStart()).isEqualTo(today);
            assertThat(first.currentPeriodEnd()).isEqualTo(today.plus(1, ChronoUnit.DAYS));
            assertThat(Queries.rows(db, "SELECT period_start, total FROM invoices ORDER BY period_start"))
                    .containsExactly(day(today, -3) + "|11", day(today, -2) + "|12", day(today, -1) + "|10");
            assertThat(Queries.single(db, "SELECT current_period_start, current_period_end, subscription_status"
                    + " FROM subscriptions")).isEqualTo(day(today, 0) + "|" + day(today, 1) + "|ACTIVE");

            SubscriptionBillingResult rerun = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            assertThat(rerun.invoicesCreated()).isZero();
            assertThat(rerun.invoiceIds()).isEmpty();
            assertThat(rerun.currentPeriodStart()).isEqualTo(today);
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("3");
            assertThat(env.meterRegistry().get("billing.invoices.created").counter().count()).isEqualTo(3);
            assertThat(env.meterRegistry().get("billing.invoice.amount").tag("currency", "USD").summary()
                    .totalAmount()).isEqualTo(33.0);
        }
    }

    @Test
    void catchesUpOnEveryPeriodThatEndedWhileTimePassed() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            Instant start = env.currentTime().truncatedTo(ChronoUnit.SECONDS);
            Instant oneMonth = start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
            db.execute(
                    customer("t1", "cus1", "cus_ext"),
                    subscription("t1", "sub1", "cus1", "MONTHLY", "start_date", ts(start.toString()),
                            "current_period_start", ts(start.toString()), "current_period_end",
                            ts(oneMonth.toString())),
                    fixedPrice("t1", "p_fee", "25.50"),
                    lineItem("t1", "li_fee", "sub1", "p_fee", "2", start.toString(), null));

            assertThat(env.execute(TYPE, SUB1, SubscriptionBillingResult.class).invoicesCreated()).isZero();

            env.sleep(Duration.ofDays(70));
            SubscriptionBillingResult result = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            Instant twoMonths = start.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant();
            assertThat(result.invoicesCreated()).isEqualTo(2);
            assertThat(result.currentPeriodStart()).isEqualTo(twoMonths);
            assertThat(result.currentPeriodEnd()).isEqualTo(start.atOffset(ZoneOffset.UTC).plusMonths(3).toInstant());
            assertThat(Queries.rows(db, "SELECT period_start, period_end, total FROM invoices ORDER BY period_start"))
                    .containsExactly(start + "|" + oneMonth + "|51", oneMonth + "|" + twoMonths + "|51");
        }
    }

    @Test
    void cancelAtPeriodEndInvoicesTheCurrentPeriodThenCancelsAndBillsNoMore() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            Instant today = today(env);
            dailySubscriptionThreePeriodsBehind(db, today, "cancel_at_period_end", "TRUE");

            SubscriptionBillingResult result = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            assertThat(result.invoicesCreated()).isEqualTo(1);
            assertThat(result.currentPeriodStart()).isEqualTo(day(today, -3));
            assertThat(Queries.rows(db, "SELECT period_start, total FROM invoices"))
                    .containsExactly(day(today, -3) + "|11");
            assertThat(Queries.single(db, "SELECT subscription_status, cancelled_at, current_period_end"
                    + " FROM subscriptions")).isEqualTo("CANCELLED|" + day(today, -2) + "|" + day(today, -2));

            assertThat(env.execute(TYPE, SUB1, SubscriptionBillingResult.class).invoicesCreated()).isZero();
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("1");
        }
    }

    @Test
    void draftSubscriptionsAreLeftAlone() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            Instant today = today(env);
            dailySubscriptionThreePeriodsBehind(db, today, "subscription_status", "'DRAFT'");

            SubscriptionBillingResult result = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            assertThat(result).isEqualTo(new SubscriptionBillingResult(
                    "sub1", 0, java.util.List.of(), Instant.parse(day(today, -3)), Instant.parse(day(today, -2))));
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("0");
            assertThat(Queries.single(db, "SELECT current_period_start, subscription_status FROM subscriptions"))
                    .isEqualTo(day(today, -3) + "|DRAFT");
        }
    }

    @Test
    void aSubscriptionNeverBilledGetsItsFirstPeriodFromItsStartDate() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            Instant today = today(env);
            db.execute(
                    customer("t1", "cus1", "cus_ext"),
                    subscription("t1", "sub1", "cus1", "WEEKLY", "start_date", ts(day(today, -10))));

            SubscriptionBillingResult result = env.execute(TYPE, SUB1, SubscriptionBillingResult.class);

            assertThat(result.invoicesCreated()).isEqualTo(1);
            assertThat(result.currentPeriodStart()).isEqualTo(day(today, -3));
            assertThat(Queries.single(db, "SELECT period_start, period_end FROM invoices"))
                    .isEqualTo(day(today, -10) + "|" + day(today, -3));
        }
    }

    @Test
    void aSubscriptionOfAnotherTenantIsNotFoundAndNotRetried() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            dailySubscriptionThreePeriodsBehind(db, today(env));

            assertThatThrownBy(() -> env.execute(TYPE, new SubscriptionBillingInput("sub1", "t2", "env"),
                    SubscriptionBillingResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failure -> {
                        assertThat(failure.failureType()).isEqualTo(NotFoundException.FAILURE_TYPE);
                        assertThat(failure.failureMessage())
                                .isEqualTo("subscription sub1 does not exist in tenant t2, environment env");
                        assertThat(failure.hint().orElseThrow())
                                .startsWith("check subscription_id, tenant_id and environment_id");
                    });
            assertThat(env.history("SubscriptionBillingWorkflow-sub1").workflowAttempt()).isEqualTo(1);
            assertThat(env.history("SubscriptionBillingWorkflow-sub1").activityAttempts()).containsExactly(1);
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aNulCharacterInTheSubscriptionIdFailsOnceWithoutRetries(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine); PluginTestEnvironment env = environment(db)) {
            dailySubscriptionThreePeriodsBehind(db, today(env));
            String id = "sub1\u0000";
            SubscriptionBillingInput input = new SubscriptionBillingInput(id, "t1", "env");

            assertThatThrownBy(() -> env.execute(TYPE, input, SubscriptionBillingResult.class))
                    .as("the starter checks ids before it sends")
                    .isInstanceOf(ValidationError.class)
                    .hasMessage("subscription_id contains the control character U+0000 at character 5");
            // A plain Temporal client sends it anyway: the workflow's own check refuses it, never retried.
            WorkflowRun plain = env.startUnchecked(TYPE, input,
                    StartOptions.defaults().withWorkflowId("SubscriptionBillingWorkflow-" + id));
            assertThatThrownBy(() -> plain.result(SubscriptionBillingResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failure ->
                            assertThat(failure.nonRetryable()).isTrue());
            WorkflowHistory history = env.history("SubscriptionBillingWorkflow-" + id);
            assertThat(history.workflowAttempt()).isEqualTo(1);
            assertThat(history.activityAttempts()).allMatch(attempt -> attempt == 1);
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void usageTheDatabaseCannotStoreFailsOnceAsInvalidData(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine); PluginTestEnvironment env = environment(db)) {
            Instant today = today(env);
            dailySubscriptionThreePeriodsBehind(db, today);
            // A maximum of 10^30 calls does not fit the invoice line's quantity column, NUMERIC(38, 12).
            db.execute(meter("t1", "m_peak", "peak", "MAX", "value"),
                    usagePrice("t1", "p_peak", "PER_UNIT", "0", "m_peak"),
                    lineItem("t1", "li_peak", "sub1", "p_peak", "0", day(today, -3), null),
                    event("t1", "e_peak", "peak", "cus_ext", day(today, -3), "{\"value\": 1e30}"));

            assertThatThrownBy(() -> env.execute(TYPE, SUB1, SubscriptionBillingResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failure -> {
                        assertThat(failure.failureType()).isEqualTo(InvalidDataException.FAILURE_TYPE);
                        assertThat(failure.failureMessage()).startsWith("the database refused the statement: ")
                                .contains("SQLState 22");
                    });
            assertThat(env.history("SubscriptionBillingWorkflow-sub1").workflowAttempt()).isEqualTo(1);
            assertThat(env.history("SubscriptionBillingWorkflow-sub1").activityAttempts()).containsExactly(1, 1);
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("0");
        }
    }

    @Test
    void anInputWithoutATenantIsRefusedBeforeItStarts() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            assertThatThrownBy(() -> env.execute(TYPE, new SubscriptionBillingInput("sub1", " ", "env"),
                    SubscriptionBillingResult.class))
                    .hasMessage("tenant_id is required");
        }
    }
}
