package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.imports.EventRecordMapper;
import dev.workerhost.plugins.task.imports.InvalidRecordException;
import dev.workerhost.plugins.task.imports.SourceRecord;
import dev.workerhost.plugins.task.models.EntityType;
import dev.workerhost.plugins.task.models.EventRow;
import dev.workerhost.plugins.task.persistence.EventWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** EVENTS imports: records become events, inserted unless their id is already there. */
final class EventSink implements RowSink<EventRow> {

    private final EventRecordMapper mapper;

    EventSink(EventRecordMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public EntityType entityType() {
        return EntityType.EVENTS;
    }

    @Override
    public EventRow map(SourceRecord record) throws InvalidRecordException {
        return mapper.map(record);
    }

    @Override
    public void write(Connection connection, Scope scope, List<EventRow> rows, Instant now) throws SQLException {
        EventWriter.forDatabaseOf(connection).insertIfAbsent(connection, scope, rows, now);
    }

    @Override
    public void writeOne(Connection connection, Scope scope, EventRow row, Instant now) throws SQLException {
        EventWriter.statements().insertIfAbsent(connection, scope, List.of(row), now);
    }
}
