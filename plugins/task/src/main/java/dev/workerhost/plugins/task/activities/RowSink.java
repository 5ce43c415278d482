package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.imports.InvalidRecordException;
import dev.workerhost.plugins.task.imports.SourceRecord;
import dev.workerhost.plugins.task.models.EntityType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** What one entity type makes of records: rows from records, and how a chunk of rows is written. */
interface RowSink<R> {

    EntityType entityType();

    R map(SourceRecord record) throws InvalidRecordException;

    /** Writes a chunk's rows the fastest way the database has. */
    void write(Connection connection, Scope scope, List<R> rows, Instant now) throws SQLException;

    /** Writes one row, so that a row the database refuses is known: the chunk's fallback after a refused write. */
    default void writeOne(Connection connection, Scope scope, R row, Instant now) throws SQLException {
        write(connection, scope, List.of(row), now);
    }
}
