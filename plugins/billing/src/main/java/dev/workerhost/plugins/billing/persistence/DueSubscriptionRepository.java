package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through the subscriptions of every tenant whose billing is due: ACTIVE or TRIALING, and either the current
 * period has ended or there is none yet (a subscription inserted without one gets it from its first run).
 * Keyset paging by id, which is unique across tenants, so a page never skips or repeats a row however many rows
 * change between pages.
 */
public final class DueSubscriptionRepository {

    public List<DueSubscription> page(Connection connection, Instant now, String afterId, int limit)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, tenant_id, environment_id"
                + " FROM subscriptions WHERE subscription_status IN ('ACTIVE', 'TRIALING')"
                + " AND (current_period_end IS NULL OR current_period_end <= ?) AND id > ?"
                + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            SqlTimes.set(statement, 1, now);
            statement.setString(2, afterId);
            List<DueSubscription> page = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    page.add(new DueSubscription(
                            rows.getString("id"), rows.getString("tenant_id"), rows.getString("environment_id")));
                }
            }
            return page;
        }
    }
}
