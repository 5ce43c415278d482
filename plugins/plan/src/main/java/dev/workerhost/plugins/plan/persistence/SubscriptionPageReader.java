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

    /** The next page's bounds and size, read in one row; empty when no subscription is left. */
    public Optional<SubscriptionPage> next(
            Connection connection, Scope scope, String planId, String afterSubscriptionId, int pageSize)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) AS subscriptions, MAX(id) AS last_id FROM (SELECT id FROM subscriptions"
                        + " WHERE tenant_id = ? AND environment_id = ? AND plan_id = ?"
                        + " AND subscription_status IN ('ACTIVE', 'TRIALING') AND id > ?"
                        + " ORDER BY id FETCH FIRST ? ROWS ONLY) page")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            statement.setString(3, planId);
            statement.setString(4, afterSubscriptionId);
            statement.setInt(5, pageSize);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                int subscriptions = row.getInt("subscriptions");
                return subscriptions == 0
                        ? Optional.empty()
                        : Optional.of(new SubscriptionPage(
                                scope, planId, afterSubscriptionId, row.getString("last_id"), subscriptions));
            }
        }
    }
}
