package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads subscriptions and moves their billing state forward, one or a page at a time. */
public final class SubscriptionRepository {

    private static final String BILLABLE = "subscription_status IN ('ACTIVE', 'TRIALING')";

    public Optional<SubscriptionRow> find(Connection connection, Scope scope, String subscriptionId)
            throws SQLException {
        return Optional.ofNullable(findAll(connection, scope, List.of(subscriptionId)).get(subscriptionId));
    }

    /** The subscriptions of {@code subscriptionIds} that exist in the scope, by id; one statement. */
    public Map<String, SubscriptionRow> findAll(Connection connection, Scope scope, List<String> subscriptionIds)
            throws SQLException {
        Map<String, SubscriptionRow> found = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT s.id, s.customer_id,"
                + " c.external_id, s.currency, s.subscription_status, s.billing_period, s.billing_period_count,"
                + " s.billing_anchor, s.current_period_start, s.current_period_end, s.start_date,"
                + " s.cancel_at_period_end FROM subscriptions s LEFT JOIN customers c ON c.id = s.customer_id"
                + " AND c.tenant_id = s.tenant_id AND c.environment_id = s.environment_id"
                + " WHERE s.tenant_id = ? AND s.environment_id = ? AND s.id IN " + InList.of(subscriptionIds.size()))) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            InList.bind(statement, 3, subscriptionIds);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.put(row.getString("id"), new SubscriptionRow(row.getString("id"),
                            row.getString("customer_id"), row.getString("external_id"), row.getString("currency"),
                            row.getString("subscription_status"), row.getString("billing_period"),
                            row.getInt("billing_period_count"), SqlTimes.get(row, "billing_anchor"),
                            SqlTimes.get(row, "current_period_start"), SqlTimes.get(row, "current_period_end"),
                            SqlTimes.get(row, "start_date"), row.getBoolean("cancel_at_period_end")));
                }
            }
        }
        return found;
    }

    /**
     * Makes {@code period} the current one of a billable subscription. Never moves it back: a stale run that
     * computed an earlier period leaves a later one in place.
     */
    public void moveCurrentPeriod(Connection connection, Scope scope, String subscriptionId, Period period)
            throws SQLException {
        moveCurrentPeriods(connection, scope, Map.of(subscriptionId, period));
    }

    /** {@link #moveCurrentPeriod} for each subscription and its period, in one batch. */
    public void moveCurrentPeriods(Connection connection, Scope scope, Map<String, Period> periods)
            throws SQLException {
        if (periods.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE subscriptions"
                + " SET current_period_start = ?, current_period_end = ?"
                + " WHERE id = ? AND tenant_id = ? AND environment_id = ? AND " + BILLABLE
                + " AND (current_period_start IS NULL OR current_period_start <= ?)")) {
            for (Map.Entry<String, Period> move : periods.entrySet()) {
                Period period = move.getValue();
                SqlTimes.set(statement, 1, period.start());
                SqlTimes.set(statement, 2, period.end());
                bindKey(statement, 3, scope, move.getKey());
                SqlTimes.set(statement, 6, period.start());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Cancels a billable subscription at the end of its last period, which stays its current one. */
    public void cancelAtEndOf(Connection connection, Scope scope, String subscriptionId, Period lastPeriod)
            throws SQLException {
        cancelAllAtEndOf(connection, scope, Map.of(subscriptionId, lastPeriod));
    }

    /** {@link #cancelAtEndOf} for each subscription and its last period, in one batch. */
    public void cancelAllAtEndOf(Connection connection, Scope scope, Map<String, Period> lastPeriods)
            throws SQLException {
        if (lastPeriods.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE subscriptions"
                + " SET subscription_status = 'CANCELLED', cancelled_at = ?, current_period_start = ?,"
                + " current_period_end = ? WHERE id = ? AND tenant_id = ? AND environment_id = ? AND " + BILLABLE)) {
            for (Map.Entry<String, Period> cancel : lastPeriods.entrySet()) {
                Period lastPeriod = cancel.getValue();
                SqlTimes.set(statement, 1, lastPeriod.end());
                SqlTimes.set(statement, 2, lastPeriod.start());
                SqlTimes.set(statement, 3, lastPeriod.end());
                bindKey(statement, 4, scope, cancel.getKey());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void bindKey(PreparedStatement statement, int first, Scope scope, String subscriptionId)
            throws SQLException {
        statement.setString(first, subscriptionId);
        statement.setString(first + 1, scope.tenantId());
        statement.setString(first + 2, scope.environmentId());
    }
}
