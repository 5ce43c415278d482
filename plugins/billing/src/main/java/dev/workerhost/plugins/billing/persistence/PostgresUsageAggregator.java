package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Aggregates in PostgreSQL, so a customer with millions of events costs one indexed scan and no memory here.
 * Values a plain numeric cast would choke on are caught by a pattern first, so the error can name the event.
 */
final class PostgresUsageAggregator implements UsageAggregator {

    /** A number as both PostgreSQL's numeric cast and Java's BigDecimal read it. */
    private static final String NUMBER = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

    private static final String FIELD_VALUES = "(SELECT e.id, e.timestamp AS event_time,"
            + " e.properties::jsonb ->> ? AS v" + UsageQuery.MATCHING_EVENTS + ") usage";

    /** PostgreSQL's "invalid text representation": here, a properties column that is not JSON. */
    private static final String INVALID_TEXT = "22P02";

    @Override
    public BigDecimal aggregate(Connection connection, UsageQuery query) throws SQLException {
        try {
            switch (query.meter().aggregation()) {
                case COUNT:
                    return single(connection, query, "SELECT COUNT(*)" + UsageQuery.MATCHING_EVENTS, false);
                case SUM:
                    return numeric(connection, query, "SUM");
                case MAX:
                    return numeric(connection, query, "MAX");
                case COUNT_UNIQUE:
                    return single(connection, query, "SELECT COUNT(DISTINCT v) FROM " + FIELD_VALUES, true);
                case LATEST:
                    return latest(connection, query);
                default:
                    throw new IllegalStateException("unhandled aggregation " + query.meter().aggregation());
            }
        } catch (SQLException e) {
            if (INVALID_TEXT.equals(e.getSQLState())) {
                throw new InvalidDataException(query.meter().describe() + ": an event of customer "
                        + query.externalCustomerId() + " in " + query.window() + " has properties that are not"
                        + " valid JSON (" + e.getMessage() + ")", "correct the event's properties to a JSON object");
            }
            throw e;
        }
    }

    private static BigDecimal single(Connection connection, UsageQuery query, String sql, boolean withField)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, query, withField);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return orZero(row.getBigDecimal(1));
            }
        }
    }

    private static BigDecimal numeric(Connection connection, UsageQuery query, String function)
            throws SQLException {
        String sql = "SELECT " + function + "(CASE WHEN v ~ " + NUMBER + " THEN v::numeric END),"
                + " MIN(CASE WHEN v !~ " + NUMBER + " THEN id END) FROM " + FIELD_VALUES;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, query, true);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                String notNumericEvent = row.getString(2);
                if (notNumericEvent != null) {
                    throw UsageValues.notNumeric(
                            query.meter(), notNumericEvent, fieldOf(connection, query, notNumericEvent));
                }
                return orZero(row.getBigDecimal(1));
            }
        }
    }

    /** One event's field value, for the error message. */
    private static String fieldOf(Connection connection, UsageQuery query, String eventId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT e.properties::jsonb ->> ? FROM events e"
                + " WHERE e.tenant_id = ? AND e.environment_id = ? AND e.id = ?")) {
            statement.setString(1, query.meter().aggregationField());
            statement.setString(2, query.scope().tenantId());
            statement.setString(3, query.scope().environmentId());
            statement.setString(4, eventId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static BigDecimal latest(Connection connection, UsageQuery query) throws SQLException {
        // COLLATE "C" orders ids of events with the same timestamp by code point, as the streaming aggregator does.
        String sql = "SELECT id, v FROM " + FIELD_VALUES
                + " WHERE v IS NOT NULL ORDER BY event_time DESC, id COLLATE \"C\" DESC LIMIT 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, query, true);
            try (ResultSet row = statement.executeQuery()) {
                return row.next()
                        ? UsageValues.numeric(query.meter(), row.getString(1), row.getString(2))
                        : BigDecimal.ZERO;
            }
        }
    }

    private static void bind(PreparedStatement statement, UsageQuery query, boolean withField) throws SQLException {
        int first = 1;
        if (withField) {
            statement.setString(first++, query.meter().aggregationField());
        }
        query.bind(statement, first);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
