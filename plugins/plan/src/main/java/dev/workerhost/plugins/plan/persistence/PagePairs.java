package dev.workerhost.plugins.plan.persistence;

import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.plan.models.PlanPrice;
import dev.workerhost.plugins.plan.models.SubscriptionPage;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The (subscription, plan price) pairs of one page as SQL: the page's subscriptions {@code s} crossed with the
 * sync's prices {@code p}, kept to the pairs where the price fits the subscription (same currency ignoring case,
 * same billing period and count). The prices come as a {@code VALUES} table of the snapshot the sync read when it
 * started, not from the prices table, so every page judges against the same prices.
 */
final class PagePairs {

    private static final String PRICE_ROW = "(CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(32)),"
            + " CAST(? AS VARCHAR(16)), CAST(? AS VARCHAR(32)), CAST(? AS INTEGER),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE))";

    private PagePairs() {
    }

    /** The page's subscriptions and the fitting prices: to be followed by more {@code AND} conditions. */
    static final String WHERE = " WHERE s.tenant_id = ? AND s.environment_id = ? AND s.plan_id = ?"
            + " AND s.subscription_status IN ('ACTIVE', 'TRIALING') AND s.id > ? AND s.id <= ?"
            + " AND UPPER(p.currency) = UPPER(s.currency) AND p.billing_period = s.billing_period"
            + " AND p.billing_period_count = s.billing_period_count";

    /** The subscriptions {@code s} crossed with the prices {@code p}; joins may follow, then {@link #WHERE}. */
    static String from(List<PlanPrice> prices) {
        return " FROM subscriptions s CROSS JOIN (VALUES "
                + String.join(", ", Collections.nCopies(prices.size(), PRICE_ROW))
                + ") AS p (id, type, currency, billing_period, billing_period_count, start_date, end_date)";
    }

    /**
     * Binds the parameters of {@link #from} and {@link #WHERE} (in that order, with no parameter between them)
     * from {@code first} on; returns the next free index.
     */
    static int bind(PreparedStatement statement, int first, SubscriptionPage page, List<PlanPrice> prices)
            throws SQLException {
        int index = bindPrices(statement, first, prices);
        statement.setString(index++, page.scope().tenantId());
        statement.setString(index++, page.scope().environmentId());
        statement.setString(index++, page.planId());
        statement.setString(index++, page.afterSubscriptionId());
        statement.setString(index++, page.lastSubscriptionId());
        return index;
    }

    private static int bindPrices(PreparedStatement statement, int first, List<PlanPrice> prices) throws SQLException {
        int index = first;
        for (PlanPrice price : prices) {
            statement.setString(index++, price.id());
            statement.setString(index++, price.type());
            statement.setString(index++, price.currency());
            statement.setString(index++, price.billingPeriod());
            statement.setInt(index++, price.billingPeriodCount());
            SqlTimes.set(statement, index++, price.startDate());
            SqlTimes.set(statement, index++, price.endDate());
        }
        return index;
    }
}
