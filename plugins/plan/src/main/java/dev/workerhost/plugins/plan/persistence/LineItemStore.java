package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.plan.models.LineItemEnd;
import dev.workerhost.plugins.plan.models.PlanPrice;
import dev.workerhost.plugins.plan.models.SubscriptionPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The line items a sync ends and adds, decided and written by the database one page of subscriptions at a time:
 * one query for the line items to end and one batch that ends them, one {@code INSERT ... SELECT} for those to add.
 */
public final class LineItemStore {

    /** The metadata of every line item the sync adds, so an operator can tell them from hand-made ones. */
    static final String ADDED_BY_PLAN_SYNC = "{\"added_by\":\"plan_sync\"}";

    /**
     * The page's pairs that have a line item for the plan price (the subscription's own) or for an override of it
     * (a line item whose price's parent is the plan price), whatever its dates: two {@code SELECT}s to subtract with
     * {@code EXCEPT}. Set operations are hashed whatever the planner believes of the page's size; a correlated
     * {@code NOT EXISTS} per pair goes quadratic when it misjudges (as it does for a join with {@code VALUES}).
     */
    private static final String COVERED_PAIRS = " EXCEPT SELECT own.subscription_id, own.price_id"
            + " FROM subscription_line_items own WHERE own.tenant_id = ? AND own.environment_id = ?"
            + " AND own.subscription_id > ? AND own.subscription_id <= ?"
            + " EXCEPT SELECT ov.subscription_id, op.parent_price_id FROM subscription_line_items ov"
            + " JOIN prices op ON op.id = ov.price_id AND op.tenant_id = ov.tenant_id"
            + " AND op.environment_id = ov.environment_id WHERE ov.tenant_id = ? AND ov.environment_id = ?"
            + " AND ov.subscription_id > ? AND ov.subscription_id <= ? AND op.parent_price_id IS NOT NULL";

    /**
     * The page's open line items of {@code endedPrices} (the plan prices that have ended by {@code now}), each with
     * the end date it gets. Only the subscription's own line items of a plan price end; one for an override is the
     * subscription's own deal.
     */
    public List<LineItemEnd> openOf(
            Connection connection, SubscriptionPage page, List<PlanPrice> endedPrices, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT li.id, li.subscription_id, p.id AS plan_price_id, p.end_date AS price_end"
                        + PagePairs.from(endedPrices)
                        + " JOIN subscription_line_items li ON li.tenant_id = s.tenant_id"
                        + " AND li.environment_id = s.environment_id AND li.subscription_id = s.id"
                        + " AND li.price_id = p.id"
                        + PagePairs.WHERE
                        // The page's range again, on the line items: an index range scan whatever the plan.
                        + " AND li.subscription_id > ? AND li.subscription_id <= ?"
                        + " AND p.end_date <= ? AND (li.end_date IS NULL OR li.end_date > ?)")) {
            int index = PagePairs.bind(statement, 1, page, endedPrices);
            statement.setString(index++, page.afterSubscriptionId());
            statement.setString(index++, page.lastSubscriptionId());
            SqlTimes.set(statement, index++, now);
            SqlTimes.set(statement, index, now);
            return Queries.list(statement, row -> new LineItemEnd(row.getString("id"),
                    row.getString("subscription_id"), row.getString("plan_price_id"),
                    SqlTimes.get(row, "price_end")));
        }
    }

    /**
     * Ends the line items in one batch. A line item that got an end date by {@code now} in the meantime keeps it:
     * only open ones are ended.
     */
    public void end(Connection connection, Scope scope, List<LineItemEnd> ends, Instant now) throws SQLException {
        if (ends.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE subscription_line_items SET end_date = ?"
                        + " WHERE tenant_id = ? AND environment_id = ? AND id = ?"
                        + " AND (end_date IS NULL OR end_date > ?)")) {
            for (LineItemEnd end : ends) {
                SqlTimes.set(statement, 1, end.endDate());
                statement.setString(2, scope.tenantId());
                statement.setString(3, scope.environmentId());
                statement.setString(4, end.lineItemId());
                SqlTimes.set(statement, 5, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Adds a line item for every pair of the page with one of {@code activePrices} (the plan prices that have not
     * ended by {@code now}) that has no line item for the price or an override of it: it starts at the later of the
     * price's and the subscription's start (the one that is set; {@code now} if neither), quantity 1 for FIXED and 0
     * for USAGE, no end date. Returns how many it added. The ids are one fresh {@code li_...} id per page and the row's number in the page: ids that
     * grow with time like those of {@link Ids}, so the primary key's index grows at its end.
     */
    public int addMissing(Connection connection, SubscriptionPage page, List<PlanPrice> activePrices, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, plan_id,"
                        + " price_id, quantity, start_date, end_date, metadata, created_at)"
                        + " SELECT CAST(? AS VARCHAR(255))"
                        + " || CAST(ROW_NUMBER() OVER () AS VARCHAR(20)),"
                        + " s.tenant_id, s.environment_id, s.id, CAST(? AS VARCHAR(255)), p.id,"
                        + " CASE WHEN p.type = 'FIXED' THEN 1 ELSE 0 END,"
                        + " CASE WHEN p.start_date IS NULL THEN COALESCE(s.start_date, CAST(? AS TIMESTAMP WITH TIME"
                        + " ZONE)) WHEN s.start_date IS NULL OR p.start_date > s.start_date THEN p.start_date"
                        + " ELSE s.start_date END,"
                        + " NULL, CAST(? AS VARCHAR(65536)), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                        + " FROM (SELECT s.id AS subscription_id, p.id AS price_id"
                        + PagePairs.from(activePrices) + PagePairs.WHERE + COVERED_PAIRS + ") missing"
                        + " JOIN subscriptions s ON s.id = missing.subscription_id"
                        + PagePairs.join(activePrices) + " ON p.id = missing.price_id")) {
            statement.setString(1, Ids.newId("li") + "_");
            statement.setString(2, page.planId());
            SqlTimes.set(statement, 3, now);
            statement.setString(4, ADDED_BY_PLAN_SYNC);
            SqlTimes.set(statement, 5, now);
            int index = PagePairs.bind(statement, 6, page, activePrices);
            for (int copy = 0; copy < 2; copy++) {
                statement.setString(index++, page.scope().tenantId());
                statement.setString(index++, page.scope().environmentId());
                statement.setString(index++, page.afterSubscriptionId());
                statement.setString(index++, page.lastSubscriptionId());
            }
            PagePairs.bindPrices(statement, index, activePrices);
            return statement.executeUpdate();
        }
    }
}
