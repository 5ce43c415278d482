package dev.workerhost.plugins.task.imports;

import dev.workerhost.plugins.task.models.CustomerRow;

/** Turns a CUSTOMERS record into a customer: {@code external_id} is required, {@code metadata.X} is merged. */
public final class CustomerRecordMapper {

    public CustomerRow map(SourceRecord record) throws InvalidRecordException {
        RecordValues values = new RecordValues(record);
        return new CustomerRow(
                values.required("external_id"),
                values.optional("name"),
                values.optional("email"),
                values.optional("address_line1"),
                values.optional("address_line2"),
                values.optional("address_city"),
                values.optional("address_state"),
                values.optional("address_postal_code"),
                values.optional("address_country"),
                values.jsonObject("metadata"));
    }
}
