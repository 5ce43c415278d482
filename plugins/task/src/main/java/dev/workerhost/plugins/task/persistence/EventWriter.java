package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.models.EventRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a chunk of imported events in the caller's transaction, skipping any whose id the scope already has:
 * re-importing a chunk after a crash or a rerun writes no event twice and changes none. Each database gets the
 * fastest way it has; {@link #forDatabaseOf} picks it.
 */
public interface EventWriter {

    void insertIfAbsent(Connection connection, Scope scope, List<EventRow> events, Instant now) throws SQLException;

    /** PostgreSQL's COPY where the driver offers it, else batched insert statements (H2). */
    static EventWriter forDatabaseOf(Connection connection) throws SQLException {
        return switch (SqlDialect.of(connection)) {
            case POSTGRESQL -> EventCopy.INSTANCE;
            case H2 -> EventInserts.INSTANCE;
        };
    }

    /** One statement per event: the way to learn which row a database refuses. */
    static EventWriter statements() {
        return EventInserts.INSTANCE;
    }
}
