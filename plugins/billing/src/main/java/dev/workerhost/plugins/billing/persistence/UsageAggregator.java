package dev.workerhost.plugins.billing.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Computes a meter's quantity over the events of a {@link UsageQuery}: zero when no event matches. Events without
 * the aggregation field (or with JSON null there) are skipped; a value SUM, MAX or LATEST cannot read as a number is
 * an {@link dev.workerhost.plugins.domain.InvalidDataException} naming the meter and the event.
 */
public interface UsageAggregator {

    BigDecimal aggregate(Connection connection, UsageQuery query) throws SQLException;

    /** Aggregates in SQL on PostgreSQL; elsewhere (H2 cannot read JSON fields) streams the events through Java. */
    static UsageAggregator forConnection(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                ? new PostgresUsageAggregator()
                : new StreamingUsageAggregator();
    }
}
