package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.plan.models.SubscriptionPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Pages through a plan's ACTIVE and TRIALING subscriptions by id (keyset paging: each page starts after the last
 * id of the one before, so a page costs the same wherever it lies).
 */
public final class SubscriptionPageReader {

    /**
     * The next page's bounds and size, and whether a subscription follows it, read in one row: the query looks one
     * subscription beyond the page, so the last page is known as such and no empty page is asked for after it.
     * Empty when no subscription is left.
     */
    public Optional<SubscriptionPage> next(
            Connection connection, Scope scope, String planId, String afterSubscriptionId, int pageSize)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) AS fetched, MAX(CASE WHEN row_in_page <= ? THEN id END) AS last_id FROM"
                        + " (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS row_in_page FROM subscriptions"
                        + " WHERE tenant_id = ? AND environment_id = ? AND plan_id = ?"
                        + " AND subscription_status IN ('ACTIVE', 'TRIALING') AND id > ?"
                        + " ORDER BY id FETCH FIRST ? ROWS ONLY) page")) {
            statement.setInt(1, pageSize);
            statement.setString(2, scope.tenantId());
            statement.setString(3, scope.environmentId());
            statement.setString(4, planId);
            statement.setString(5, afterSubscriptionId);
            statement.setInt(6, pageSize + 1);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int fetched = row.getInt("fetched");
                return fetched == 0
                        ? Optional.empty()
                        : Optional.of(new SubscriptionPage(scope, planId, afterSubscriptionId, row.getString("last_id"),
                                Math.min(fetched, pageSize), fetched > pageSize));
            }
        }
    }
}
