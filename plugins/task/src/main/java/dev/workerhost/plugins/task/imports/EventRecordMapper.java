package dev.workerhost.plugins.task.imports;

import dev.workerhost.plugins.task.models.ErrorText;
import dev.workerhost.plugins.task.models.EventRow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns an EVENTS record into an event: {@code event_name} and {@code external_customer_id} are required;
 * {@code event_id} defaults to the task id and the record's line, so re-reading the file yields the same ids;
 * {@code timestamp} is RFC 3339 and defaults to the import time; {@code properties.X} columns make the properties.
 */
public final class EventRecordMapper {

    private final String taskId;
    private final Instant importTime;

    public EventRecordMapper(String taskId, Instant importTime) {
        this.taskId = taskId;
        this.importTime = importTime;
    }

    public EventRow map(SourceRecord record) throws InvalidRecordException {
        RecordValues values = new RecordValues(record);
        String eventName = values.required("event_name");
        String externalCustomerId = values.required("external_customer_id");
        String eventId = values.optional("event_id");
        String timestamp = values.optional("timestamp");
        return new EventRow(
                eventId != null ? eventId : taskId + "_" + record.line(),
                eventName,
                externalCustomerId,
                values.optional("customer_id"),
                timestamp != null ? parseTimestamp(timestamp) : importTime,
                values.optional("source"),
                values.jsonObject("properties").toString());
    }

    private static Instant parseTimestamp(String value) throws InvalidRecordException {
        // RFC 3339 allows a lower-case 't' and 'z', and a space between date and time.
        String normalized = value.toUpperCase(Locale.ROOT);
        if (normalized.length() > 10 && normalized.charAt(10) == ' ') {
            normalized = normalized.substring(0, 10) + 'T' + normalized.substring(11);
        }
        try {
            return OffsetDateTime.parse(normalized).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException("timestamp " + ErrorText.quote(value)
                    + " is not an RFC 3339 time such as 2024-05-01T12:00:00Z");
        }
    }
}
