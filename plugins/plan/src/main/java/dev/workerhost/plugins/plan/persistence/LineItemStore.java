package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.plan.models.ExistingLineItem;
import dev.workerhost.plugins.plan.models.LineItemEnd;
import dev.workerhost.plugins.plan.models.NewLineItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The subscription line items a sync reads and writes: one query per page of subscriptions, and one batch each for
 * the line items it adds and ends.
 */
public final class LineItemStore {

    /** The metadata of every line item the sync adds, so an operator can tell them from hand-made ones. */
    static final String ADDED_BY_PLAN_SYNC = "{\"added_by\":\"plan_sync\"}";

    /**
     * The line items of the subscriptions with ids in ({@code afterSubscriptionId}, {@code lastSubscriptionId}]
     * (one page) that bill one of {@code priceIds}, or a price whose parent is one of them (an override).
     */
    public List<ExistingLineItem> forPricesOfPage(
            Connection connection,
            Scope scope,
            Collection<String> priceIds,
            String afterSubscriptionId,
            String lastSubscriptionId)
            throws SQLException {
        if (priceIds.isEmpty()) {
            return List.of();
        }
        String ids = String.join(", ", Collections.nCopies(priceIds.size(), "?"));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT li.id, li.subscription_id, li.price_id, p.parent_price_id, li.end_date"
                        + " FROM subscription_line_items li LEFT JOIN prices p ON p.id = li.price_id"
                        + " AND p.tenant_id = li.tenant_id AND p.environment_id = li.environment_id"
                        + " WHERE li.tenant_id = ? AND li.environment_id = ?"
                        + " AND li.subscription_id > ? AND li.subscription_id <= ?"
                        + " AND (li.price_id IN (" + ids + ") OR p.parent_price_id IN (" + ids + "))")) {
            int index = 1;
            statement.setString(index++, scope.tenantId());
            statement.setString(index++, scope.environmentId());
            statement.setString(index++, afterSubscriptionId);
            statement.setString(index++, lastSubscriptionId);
            for (int copy = 0; copy < 2; copy++) {
                for (String priceId : priceIds) {
                    statement.setString(index++, priceId);
                }
            }
            return Queries.list(statement, row -> new ExistingLineItem(
                    row.getString("id"),
                    row.getString("subscription_id"),
                    row.getString("price_id"),
                    row.getString("parent_price_id"),
                    SqlTimes.get(row, "end_date")));
        }
    }

    /** Adds the line items in one batch, each with a fresh {@code li_} id. */
    public void add(Connection connection, Scope scope, String planId, List<NewLineItem> additions, Instant createdAt)
            throws SQLException {
        if (additions.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, plan_id,"
                        + " price_id, quantity, start_date, end_date, metadata, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)")) {
            for (NewLineItem lineItem : additions) {
                statement.setString(1, Ids.newId("li"));
                statement.setString(2, scope.tenantId());
                statement.setString(3, scope.environmentId());
                statement.setString(4, lineItem.subscriptionId());
                statement.setString(5, planId);
                statement.setString(6, lineItem.priceId());
                statement.setBigDecimal(7, lineItem.quantity());
                SqlTimes.set(statement, 8, lineItem.startDate());
                statement.setString(9, ADDED_BY_PLAN_SYNC);
                SqlTimes.set(statement, 10, createdAt);
                statement.addBatch();
            }
            statement.executeBatch();
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
}
