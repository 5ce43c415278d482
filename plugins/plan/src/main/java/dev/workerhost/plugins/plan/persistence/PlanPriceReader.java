package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.plan.models.PlanPrice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Reads a plan and the prices a sync applies: its PUBLISHED prices that belong to no single subscription. */
public final class PlanPriceReader {

    public boolean planExists(Connection connection, Scope scope, String planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM plans WHERE tenant_id = ? AND environment_id = ? AND id = ?")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            statement.setString(3, planId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Locks the plan's row until the transaction ends, so the pages of one plan are synced one at a time: should a
     * timed-out attempt of a page still be running, its retry waits for it and then sees its line items instead of
     * adding them twice. Returns whether the plan exists.
     */
    public boolean lockPlan(Connection connection, Scope scope, String planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM plans WHERE tenant_id = ? AND environment_id = ? AND id = ? FOR UPDATE")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            statement.setString(3, planId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    public List<PlanPrice> publishedPrices(Connection connection, Scope scope, String planId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, type, currency, billing_period, billing_period_count, start_date, end_date FROM prices"
                        + " WHERE tenant_id = ? AND environment_id = ? AND plan_id = ?"
                        + " AND subscription_id IS NULL AND status = 'PUBLISHED' ORDER BY id")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            statement.setString(3, planId);
            return Queries.list(statement, row -> new PlanPrice(
                    row.getString("id"),
                    row.getString("type"),
                    row.getString("currency"),
                    row.getString("billing_period"),
                    row.getInt("billing_period_count"),
                    SqlTimes.get(row, "start_date"),
                    SqlTimes.get(row, "end_date")));
        }
    }
}
