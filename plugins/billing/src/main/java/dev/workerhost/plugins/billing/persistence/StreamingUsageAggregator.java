package dev.workerhost.plugins.billing.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.spi.Json;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Aggregates on databases that cannot read JSON fields in SQL (H2): COUNT in SQL, the others over a forward-only
 * stream of the matching events, one row in memory at a time (COUNT_UNIQUE keeps the distinct values). Field values
 * are read as PostgreSQL's {@code ->>} gives them, so both aggregators agree.
 */
final class StreamingUsageAggregator implements UsageAggregator {

    private static final ObjectReader READER =
            Json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int FETCH_SIZE = 1000;

    @Override
    public BigDecimal aggregate(Connection connection, UsageQuery query) throws SQLException {
        if (query.meter().aggregation() == AggregationType.COUNT) {
            return count(connection, query);
        }
        Accumulator accumulator = new Accumulator(query.meter());
        String sql = "SELECT e.id, e.timestamp AS event_time, e.properties" + UsageQuery.MATCHING_EVENTS;
        try (PreparedStatement statement =
                connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            query.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String eventId = rows.getString("id");
                    String value = fieldValue(query.meter(), eventId, rows.getString("properties"));
                    if (value != null) {
                        accumulator.add(eventId, SqlTimes.get(rows, "event_time"), value);
                    }
                }
            }
        }
        return accumulator.result();
    }

    private static BigDecimal count(Connection connection, UsageQuery query) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT COUNT(*)" + UsageQuery.MATCHING_EVENTS)) {
            query.bind(statement, 1);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return BigDecimal.valueOf(row.getLong(1));
            }
        }
    }

    /** The field as text, as PostgreSQL's {@code properties::jsonb ->> field} gives it; null when absent. */
    private static String fieldValue(Meter meter, String eventId, String properties) {
        JsonNode root;
        try {
            root = READER.readTree(properties);
        } catch (JsonProcessingException e) {
            throw new InvalidDataException(meter.describe() + ": event " + eventId
                    + " has properties that are not valid JSON: " + e.getOriginalMessage(),
                    "correct the event's properties to a JSON object");
        }
        JsonNode value = root == null ? null : root.get(meter.aggregationField());
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isNumber() ? value.decimalValue().toPlainString() : value.toString();
    }

    /** The running aggregate of one meter. */
    private static final class Accumulator {
        private final Meter meter;
        private BigDecimal sum = BigDecimal.ZERO;
        private BigDecimal max;
        private final Set<String> distinct = new HashSet<>();
        private Instant latestTime;
        private String latestId;
        private String latestValue;

        Accumulator(Meter meter) {
            this.meter = meter;
        }

        void add(String eventId, Instant time, String value) {
            switch (meter.aggregation()) {
                case SUM:
                    sum = sum.add(UsageValues.numeric(meter, eventId, value));
                    break;
                case MAX:
                    BigDecimal number = UsageValues.numeric(meter, eventId, value);
                    max = max == null || number.compareTo(max) > 0 ? number : max;
                    break;
                case COUNT_UNIQUE:
                    distinct.add(value);
                    break;
                case LATEST:
                    if (latestTime == null || time.isAfter(latestTime)
                            || (time.equals(latestTime) && eventId.compareTo(latestId) > 0)) {
                        latestTime = time;
                        latestId = eventId;
                        latestValue = value;
                    }
                    break;
                default:
                    throw new IllegalStateException("unhandled aggregation " + meter.aggregation());
            }
        }

        BigDecimal result() {
            switch (meter.aggregation()) {
                case SUM:
                    return sum;
                case MAX:
                    return max == null ? BigDecimal.ZERO : max;
                case COUNT_UNIQUE:
                    return BigDecimal.valueOf(distinct.size());
                case LATEST:
                    return latestValue == null ? BigDecimal.ZERO : UsageValues.numeric(meter, latestId, latestValue);
                default:
                    throw new IllegalStateException("unhandled aggregation " + meter.aggregation());
            }
        }
    }
}
