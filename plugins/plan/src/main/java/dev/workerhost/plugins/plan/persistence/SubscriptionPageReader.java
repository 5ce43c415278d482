package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.plan.models.PlanSubscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Pages through a plan's ACTIVE and TRIALING subscriptions by id (keyset paging: each page starts after the last
 * id of the one before, so a page costs the same wherever it lies).
 */
public final class SubscriptionPageReader {

    /**
     * Reads and locks the page: the rows stay locked until the page's transaction ends, so should a timed-out
     * attempt of the same page still be running, the retry waits for it and then sees its line items instead of
     * adding them twice.
     */
    public List<PlanSubscription> lockPage(
            Connection connection, Scope scope, String planId, String afterSubscriptionId, int pageSize)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, currency, billing_period, billing_period_count, start_date FROM subscriptions"
                        + " WHERE tenant_id = ? AND environment_id = ? AND plan_id = ?"
                        + " AND subscription_status IN ('ACTIVE', 'TRIALING') AND id > ?"
                        + " ORDER BY id FETCH FIRST ? ROWS ONLY FOR UPDATE")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            statement.setString(3, planId);
            statement.setString(4, afterSubscriptionId);
            statement.setInt(5, pageSize);
            return Queries.list(statement, row -> new PlanSubscription(
                    row.getString("id"),
                    row.getString("currency"),
                    row.getString("billing_period"),
                    row.getInt("billing_period_count"),
                    SqlTimes.get(row, "start_date")));
        }
    }
}
