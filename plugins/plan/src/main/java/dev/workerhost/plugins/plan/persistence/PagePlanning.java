package dev.workerhost.plugins.plan.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How PostgreSQL plans a page's statements, set for the page's transaction in one statement:
 * <ul>
 *   <li>for their actual parameters ({@code plan_cache_mode = force_custom_plan}): every page runs the same
 *       statements with another subscription range, and after a few executions of a server-prepared statement
 *       PostgreSQL may switch to a generic plan that cannot see the range and reads far more than the page
 *       (measured: 2.5x slower syncs of 100,000 subscriptions);</li>
 *   <li>without nested loops ({@code enable_nestloop = off}): a page joins its pairs with the line items of its
 *       range, thousands of rows on each side, which a hash or merge join reads once; right after a sync or a bulk
 *       load has added line items, statistics still call the range empty and a nested loop over it would read it
 *       once per pair.</li>
 * </ul>
 * H2 plans every execution anyway.
 */
public final class PagePlanning {

    private PagePlanning() {
    }

    public static void forThisTransaction(Connection connection) throws SQLException {
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('plan_cache_mode', 'force_custom_plan', true),"
                        + " set_config('enable_nestloop', 'off', true)");
            }
        }
    }
}
