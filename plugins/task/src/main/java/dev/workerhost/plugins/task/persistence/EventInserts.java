package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.task.models.EventRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Inserts imported events with one statement per event, sent as one JDBC batch (PostgreSQL's driver folds the batch
 * into multi-row inserts, {@code reWriteBatchedInserts}).
 */
final class EventInserts implements EventWriter {

    static final EventInserts INSTANCE = new EventInserts();

    static final String COLUMNS = "id, tenant_id, environment_id, event_name, external_customer_id,"
            + " customer_id, timestamp, source, properties, ingested_at";

    private static final String POSTGRESQL_INSERT = "INSERT INTO events (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, environment_id, id) DO NOTHING";

    // H2 has no ON CONFLICT outside its PostgreSQL mode; the standard MERGE does the same. The casts give the
    // parameters a type without a length: a value too long for its column is refused (22001), not cut to fit.
    private static final String H2_INSERT = "MERGE INTO events e USING (VALUES (CAST(? AS VARCHAR),"
            + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR), CAST(? AS VARCHAR),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s(" + COLUMNS + ")"
            + " ON e.tenant_id = s.tenant_id AND e.environment_id = s.environment_id AND e.id = s.id"
            + " WHEN NOT MATCHED THEN INSERT (" + COLUMNS + ") VALUES (s.id, s.tenant_id, s.environment_id,"
            + " s.event_name, s.external_customer_id, s.customer_id, s.timestamp, s.source, s.properties,"
            + " s.ingested_at)";

    private EventInserts() {
    }

    @Override
    public void insertIfAbsent(Connection connection, Scope scope, List<EventRow> events, Instant now)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String sql = SqlDialect.of(connection) == SqlDialect.POSTGRESQL ? POSTGRESQL_INSERT : H2_INSERT;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (EventRow event : events) {
                insert.setString(1, event.id());
                insert.setString(2, scope.tenantId());
                insert.setString(3, scope.environmentId());
                insert.setString(4, event.eventName());
                insert.setString(5, event.externalCustomerId());
                insert.setString(6, event.customerId());
                SqlTimes.set(insert, 7, event.timestamp());
                insert.setString(8, event.source());
                insert.setString(9, event.propertiesJson());
                SqlTimes.set(insert, 10, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
