package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase.Engine;
import dev.workerhost.testkit.TestDatabase;
import dev.workerhost.testkit.WorkflowHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plan with thousands of subscriptions: synced in pages of 100, continuing as new every 7 pages, with a fixed
 * number of statements per page however many (subscription, price) pairs it holds.
 */
@Execution(ExecutionMode.CONCURRENT)
class PriceSyncPagingTest {

    private static final int SUBSCRIPTIONS = 3_000;
    private static final int PAGE_SIZE = 100;
    /**
     * Read the plan and its prices; per page: plan for the parameters (PostgreSQL), lock the plan, find the page's
     * bounds, find the line items of ended prices and end them, insert the missing ones.
     */
    private static final int STATEMENTS_PER_SYNC = 2;
    private static final int STATEMENTS_PER_PAGE = 6;
    private static final int PAGES_PER_RUN = 7;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void syncsThousandsOfSubscriptionsInPagesWithExactCounts(Engine engine) throws SQLException {
        try (TestDatabase db = TestDatabase.create(engine)) {
            StatementCountingDataSource counting = new StatementCountingDataSource(db.dataSource());
            try (PluginTestEnvironment env = PluginTestEnvironment.builder()
                    .dataSource("default", counting)
                    .config("plugins.plan { demo-data = false, page-size = " + PAGE_SIZE + ", pages-per-run = "
                            + PAGES_PER_RUN + " }")
                    .start()) {
                TenantRows rows = TenantRows.fresh(db);
                rows.plan("plan");
                rows.price("fixed", "plan", "FIXED").insert();
                rows.price("usage", "plan", "USAGE").insert();
                insertSubscriptions(db, rows);

                counting.reset();
                PriceSyncResult first = sync(env, rows);

                assertThat(first).isEqualTo(
                        new PriceSyncResult(rows.id("plan"), SUBSCRIPTIONS, 2L * SUBSCRIPTIONS, 0, 0));
                assertThat(rows.allLineItems()).hasSize(2 * SUBSCRIPTIONS);
                // 30 full pages; the page query looks one subscription ahead, so no empty page follows the last.
                int pages = SUBSCRIPTIONS / PAGE_SIZE;
                assertThat(counting.statements())
                        .isLessThanOrEqualTo(STATEMENTS_PER_SYNC + pages * STATEMENTS_PER_PAGE);
                // The last run of the sync was continued from an earlier one: the long loop did continue as new.
                WorkflowHistory lastRun = env.history("PriceSyncWorkflow-" + rows.id("plan"));
                assertThat(lastRun.events().get(0)
                        .path("workflowExecutionStartedEventAttributes").path("continuedExecutionRunId").asText())
                        .isNotEmpty();
                // After 4 runs of 7 pages, the last run syncs the last 2 pages and stops.
                assertThat(lastRun.activityAttempts("SyncPlanPricesPage")).hasSize(pages % PAGES_PER_RUN);

                PriceSyncResult second = sync(env, rows);

                assertThat(second).isEqualTo(
                        new PriceSyncResult(rows.id("plan"), SUBSCRIPTIONS, 0, 0, 2L * SUBSCRIPTIONS));
                assertThat(rows.allLineItems()).hasSize(2 * SUBSCRIPTIONS);
            }
        }
    }

    private static PriceSyncResult sync(PluginTestEnvironment env, TenantRows rows) {
        return env.execute("PriceSyncWorkflow", rows.syncInput("plan"), PriceSyncResult.class);
    }

    /** One batch of plain INSERTs, as an operator's import would write them. */
    private static void insertSubscriptions(TestDatabase db, TenantRows rows) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, plan_id, currency,"
                                + " billing_period, subscription_status)"
                                + " VALUES (?, ?, ?, 'cus', ?, 'USD', 'MONTHLY', 'ACTIVE')")) {
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                insert.setString(1, rows.id("sub_" + i));
                insert.setString(2, rows.tenantId);
                insert.setString(3, rows.environmentId);
                insert.setString(4, rows.id("plan"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
