package dev.workerhost.plugins.billing.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a meter's quantity over the events of a {@link UsageQuery}: zero when no event matches. Events without
 * the aggregation field (or with JSON null there) are skipped; a value SUM, MAX or LATEST cannot read as a number is
 * an {@link dev.workerhost.plugins.domain.InvalidDataException} naming the meter and the event.
 */
public interface UsageAggregator {

    BigDecimal aggregate(Connection connection, UsageQuery query) throws SQLException;

    /**
     * The quantities of many queries, in their order: what a page of invoices needs. One query at a time here; an
     * aggregator that can answer many in one statement overrides it.
     */
    default List<BigDecimal> aggregateAll(Connection connection, List<UsageQuery> queries) throws SQLException {
        List<BigDecimal> quantities = new ArrayList<>(queries.size());
        for (UsageQuery query : queries) {
            quantities.add(aggregate(connection, query));
        }
        return quantities;
    }

    /** Aggregates in SQL on PostgreSQL; elsewhere (H2 cannot read JSON fields) streams the events through Java. */
    static UsageAggregator forConnection(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                ? new PostgresUsageAggregator()
                : new StreamingUsageAggregator();
    }
}
