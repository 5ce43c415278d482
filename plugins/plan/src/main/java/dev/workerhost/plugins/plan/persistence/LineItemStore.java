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
import java.util.Collections;
import java.util.List;

/**
 * The line items a sync ends and adds, decided and written by the database one page of subscriptions at a time:
 * one query for the line items to end and one batch that ends them, one {@code INSERT ... SELECT} for those to add.
 */
public final class LineItemStore {

    /** The metadata of every line item the sync adds, so an operator can tell them from hand-made ones. */
    static final String ADDED_BY_PLAN_SYNC = "{\"added_by\":\"plan_sync\"}";

    /**
     * Keeps the pairs whose subscription has no line item for the plan price (its own) and none for an override of
     * it (a line item whose price's parent is the plan price), whatever their dates: one read of the page's line
     * items, each with its price if that is an override of one of the {@code prices} plan prices. Restricted to the
     * page's range, PostgreSQL reads them as one index range and, with nested loops turned off for the page
     * ({@link PagePlanning}), hashes or merges them against the page's pairs whatever it estimates: a nested loop
     * over a range that stale statistics call empty goes quadratic.
     */
    private static String notCovered(int prices) {
        return " AND NOT EXISTS (SELECT 1 FROM subscription_line_items li LEFT JOIN prices op"
                + " ON op.id = li.price_id AND op.tenant_id = li.tenant_id AND op.environment_id = li.environment_id"
                + " AND op.parent_price_id IN (" + String.join(", ", Collections.nCopies(prices, "?")) + ")"
                + " WHERE li.tenant_id = ? AND li.environment_id = ? AND li.subscription_id > ?"
                + " AND li.subscription_id <= ? AND li.subscription_id = s.id"
                + " AND (li.price_id = p.id OR op.parent_price_id = p.id))";
    }

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
     * for USAGE, no end date. Returns how many it added. The ids are one fresh {@code li_...} id per page and the
     * row's number in the page, ten digits wide, numbered in (subscription, price) order: ids that grow with time
     * like those of {@link Ids} and, within a page, in the order the rows are written, so both indexes grow at their
     * end instead of splitting pages in their middle.
     */
    public int addMissing(Connection connection, SubscriptionPage page, List<PlanPrice> activePrices, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, plan_id,"
                        + " price_id, quantity, start_date, end_date, metadata, created_at)"
                        + " SELECT CAST(? AS VARCHAR(255)) || LPAD(CAST(ROW_NUMBER() OVER (ORDER BY s.id, p.id)"
                        + " AS VARCHAR(20)), 10, '0'),"
                        + " s.tenant_id, s.environment_id, s.id, CAST(? AS VARCHAR(255)), p.id,"
                        + " CASE WHEN p.type = 'FIXED' THEN 1 ELSE 0 END,"
                        + " CASE WHEN p.start_date IS NULL THEN COALESCE(s.start_date, CAST(? AS TIMESTAMP WITH TIME"
                        + " ZONE)) WHEN s.start_date IS NULL OR p.start_date > s.start_date THEN p.start_date"
                        + " ELSE s.start_date END,"
                        + " NULL, CAST(? AS VARCHAR(65536)), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                        + PagePairs.from(activePrices) + PagePairs.WHERE + notCovered(activePrices.size()))) {
            statement.setString(1, Ids.newId("li") + "_");
            statement.setString(2, page.planId());
            SqlTimes.set(statement, 3, now);
            statement.setString(4, ADDED_BY_PLAN_SYNC);
            SqlTimes.set(statement, 5, now);
            int index = PagePairs.bind(statement, 6, page, activePrices);
            for (PlanPrice price : activePrices) {
                statement.setString(index++, price.id());
            }
            statement.setString(index++, page.scope().tenantId());
            statement.setString(index++, page.scope().environmentId());
            statement.setString(index++, page.afterSubscriptionId());
            statement.setString(index, page.lastSubscriptionId());
            return statement.executeUpdate();
        }
    }
}
