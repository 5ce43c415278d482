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

    void write(Connection connection, Scope scope, List<R> rows, Instant now) throws SQLException;
}
