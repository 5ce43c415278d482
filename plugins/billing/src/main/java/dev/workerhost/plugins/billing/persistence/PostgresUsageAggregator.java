package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.SqlTimes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Aggregates in PostgreSQL, so a customer with millions of events costs one indexed scan and no memory here.
 * Values a plain numeric cast would choke on are caught by a pattern first, so the error can name the event.
 * {@link #aggregateAll} answers the queries of one meter (COUNT, SUM, MAX, COUNT_UNIQUE) with one grouped statement
 * over a {@code VALUES} table of (customer, window): a page of invoices costs one round trip per meter, not one per
 * line; LATEST keeps one statement per query.
 */
final class PostgresUsageAggregator implements UsageAggregator {

    /** A number as both PostgreSQL's numeric cast and Java's BigDecimal read it. */
    private static final String NUMBER = "'^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$'";

    private static final String FIELD_VALUES = "(SELECT e.id, e.timestamp AS event_time,"
            + " e.properties::jsonb ->> ? AS v" + UsageQuery.MATCHING_EVENTS + ") usage";

    /** How PostgreSQL prints a finite numeric; {@code NaN} and {@code Infinity} are not. */
    private static final Pattern FINITE = Pattern.compile("-?[0-9.]+");

    /**
     * PostgreSQL's "invalid text representation": here, a properties column that is not JSON, or (unchecked) a value
     * that is not a number.
     */
    private static final String INVALID_TEXT = "22P02";

    @Override
    public List<BigDecimal> aggregateAll(Connection connection, List<UsageQuery> queries) throws SQLException {
        BigDecimal[] quantities = new BigDecimal[queries.size()];
        Map<List<Object>, List<Integer>> byMeter = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            UsageQuery query = queries.get(i);
            if (query.meter().aggregation() == AggregationType.LATEST) {
                quantities[i] = aggregate(connection, query);
            } else {
                byMeter.computeIfAbsent(List.of(query.scope(), query.meter()), meter -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : byMeter.values()) {
            List<UsageQuery> ofMeter = new ArrayList<>(group.size());
            group.forEach(i -> ofMeter.add(queries.get(i)));
            List<BigDecimal> grouped = reported(ofMeter.get(0), () -> grouped(connection, ofMeter));
            for (int j = 0; j < group.size(); j++) {
                quantities[group.get(j)] = grouped.get(j);
            }
        }
        return List.of(quantities);
    }

    /**
     * The queries of one meter (same scope) in one statement. SUM and MAX first cast the values without checking
     * them, which costs half of what the pattern does; should a value not be a number (the cast fails, or reads
     * {@code NaN} or {@code Infinity}, which BigDecimal cannot hold), the checked statement runs instead and names the
     * event. The failed cast is undone to a savepoint, so the page's transaction goes on.
     */
    private static List<BigDecimal> grouped(Connection connection, List<UsageQuery> queries) throws SQLException {
        AggregationType aggregation = queries.get(0).meter().aggregation();
        if (aggregation != AggregationType.SUM && aggregation != AggregationType.MAX) {
            return grouped(connection, queries, true);
        }
        Savepoint unchecked = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            List<BigDecimal> quantities = grouped(connection, queries, false);
            if (unchecked != null) {
                connection.releaseSavepoint(unchecked);
            }
            if (quantities != null) {
                return quantities;
            }
        } catch (SQLException e) {
            if (!INVALID_TEXT.equals(e.getSQLState())) {
                throw e;
            }
            if (unchecked != null) {
                connection.rollback(unchecked);
            }
        }
        return grouped(connection, queries, true);
    }

    /**
     * Each query is a row {@code (k, customer, from, till)} of a {@code VALUES} table joined to the events, grouped
     * by {@code k}; a query without events gets no group and stays zero. Unchecked, null when a SUM or MAX is not a
     * finite number.
     */
    private static List<BigDecimal> grouped(Connection connection, List<UsageQuery> queries, boolean checked)
            throws SQLException {
        Meter meter = queries.get(0).meter();
        String aggregate;
        switch (meter.aggregation()) {
            case COUNT -> aggregate = "COUNT(*), NULL";
            case SUM, MAX -> aggregate = checked
                    ? meter.aggregation() + "(CASE WHEN v ~ " + NUMBER + " THEN v::numeric END),"
                            + " MIN(CASE WHEN v !~ " + NUMBER + " THEN id END)"
                    : meter.aggregation() + "(v::numeric), NULL";
            case COUNT_UNIQUE -> aggregate = "COUNT(DISTINCT v), NULL";
            default -> throw new IllegalStateException("not grouped: " + meter.aggregation());
        }
        StringBuilder windows = new StringBuilder();
        for (int k = 0; k < queries.size(); k++) {
            windows.append(k == 0 ? "" : ", ").append("(").append(k).append(", ?, ?::timestamptz, ?::timestamptz)");
        }
        boolean count = meter.aggregation() == AggregationType.COUNT;
        // COUNT reads no properties, so it does not fail on properties that are not JSON (as aggregate() does not).
        String sql = "SELECT k, " + aggregate + " FROM (SELECT q.k, e.id, "
                + (count ? "NULL" : "e.properties::jsonb ->> ?") + " AS v"
                + " FROM (VALUES " + windows + ") AS q (k, customer, from_time, till_time)"
                + " JOIN events e ON e.tenant_id = ? AND e.environment_id = ? AND e.external_customer_id = q.customer"
                + " AND e.event_name = ? AND e.timestamp >= q.from_time AND e.timestamp < q.till_time) usage"
                + " GROUP BY k";
        List<BigDecimal> quantities = new ArrayList<>(Collections.nCopies(queries.size(), BigDecimal.ZERO));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            if (!count) {
                statement.setString(index++, meter.aggregationField());
            }
            for (UsageQuery query : queries) {
                statement.setString(index++, query.externalCustomerId());
                SqlTimes.set(statement, index++, query.window().start());
                SqlTimes.set(statement, index++, query.window().end());
            }
            statement.setString(index++, queries.get(0).scope().tenantId());
            statement.setString(index++, queries.get(0).scope().environmentId());
            statement.setString(index, meter.eventName());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    UsageQuery query = queries.get(rows.getInt(1));
                    String notNumericEvent = rows.getString(3);
                    if (notNumericEvent != null) {
                        throw UsageValues.notNumeric(meter, notNumericEvent, fieldOf(connection, query, notNumericEvent));
                    }
                    String quantity = rows.getString(2);
                    if (quantity != null && !FINITE.matcher(quantity).matches()) {
                        return null;
                    }
                    quantities.set(rows.getInt(1), quantity == null ? BigDecimal.ZERO : new BigDecimal(quantity));
                }
            }
        }
        return quantities;
    }

    @Override
    public BigDecimal aggregate(Connection connection, UsageQuery query) throws SQLException {
        return reported(query, () -> single(connection, query));
    }

    /** Work that reads events, with properties that are not JSON reported as the query's invalid data. */
    private interface EventsWork<T> {
        T run() throws SQLException;
    }

    private static <T> T reported(UsageQuery query, EventsWork<T> work) throws SQLException {
        try {
            return work.run();
        } catch (SQLException e) {
            if (INVALID_TEXT.equals(e.getSQLState())) {
                throw new InvalidDataException(query.meter().describe() + ": an event of customer "
                        + query.externalCustomerId() + " in " + query.window() + " has properties that are not"
                        + " valid JSON (" + e.getMessage() + ")", "correct the event's properties to a JSON object");
            }
            throw e;
        }
    }

    private static BigDecimal single(Connection connection, UsageQuery query) throws SQLException {
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
