package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.imports.CustomerRecordMapper;
import dev.workerhost.plugins.task.imports.InvalidRecordException;
import dev.workerhost.plugins.task.imports.SourceRecord;
import dev.workerhost.plugins.task.models.EntityType;
import dev.workerhost.plugins.task.models.CustomerRow;
import dev.workerhost.plugins.task.persistence.CustomerWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** CUSTOMERS imports: records become customers, upserted by external id with their metadata merged. */
final class CustomerSink implements RowSink<CustomerRow> {

    private final CustomerRecordMapper mapper;
    private final CustomerWriter writer;

    CustomerSink(CustomerRecordMapper mapper, CustomerWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public EntityType entityType() {
        return EntityType.CUSTOMERS;
    }

    @Override
    public CustomerRow map(SourceRecord record) throws InvalidRecordException {
        return mapper.map(record);
    }

    @Override
    public void write(Connection connection, Scope scope, List<CustomerRow> rows, Instant now) throws SQLException {
        writer.upsert(connection, scope, rows, now);
    }
}
