package dev.workerhost.plugins.task.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.task.models.EventRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRecordMapperTest {

    private static final Instant IMPORT_TIME = Instant.parse("2024-06-01T00:00:00Z");
    private final EventRecordMapper mapper = new EventRecordMapper("task_1", IMPORT_TIME);

    @Test
    void mapsEveryColumnAndGathersPropertiesParsingJsonValues() throws InvalidRecordException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("event_id", "evt_1");
        values.put("event_name", "api_call");
        values.put("external_customer_id", "cust_1");
        values.put("customer_id", "cus_9");
        values.put("timestamp", "2024-05-01 10:15:30.5+02:00");
        values.put("source", "sdk");
        values.put("properties.tokens", "120");
        values.put("properties.labels", "[\"a\", \"b\"]");
        values.put("properties.seat", " {\"email\": \"a@b.c\"} ");
        values.put("properties.empty", "");
        values.put("unknown", "ignored");

        EventRow event = mapper.map(SourceRecord.of(4, values));

        assertThat(event).isEqualTo(new EventRow("evt_1", "api_call", "cust_1", "cus_9",
                Instant.parse("2024-05-01T08:15:30.5Z"), "sdk",
                "{\"tokens\":\"120\",\"labels\":[\"a\",\"b\"],\"seat\":{\"email\":\"a@b.c\"}}"));
    }

    @Test
    void theEventIdDefaultsToTaskIdAndLineAndTheTimestampToTheImportTime() throws InvalidRecordException {
        EventRow event = mapper.map(SourceRecord.of(7, Map.of("event_name", "e", "external_customer_id", "c")));

        assertThat(event.id()).isEqualTo("task_1_7");
        assertThat(event.timestamp()).isEqualTo(IMPORT_TIME);
        assertThat(event.propertiesJson()).isEqualTo("{}");
    }

    @Test
    void anUnparsableTimestampIsARecordError() {
        assertThatThrownBy(() -> mapper.map(SourceRecord.of(2,
                Map.of("event_name", "e", "external_customer_id", "c", "timestamp", "yesterday"))))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessage("timestamp \"yesterday\" is not an RFC 3339 time such as 2024-05-01T12:00:00Z");
        assertThatThrownBy(() -> mapper.map(SourceRecord.of(2,
                Map.of("event_name", "e", "external_customer_id", "c", "timestamp", "2024-05-01T12:00:00"))))
                .as("a time without an offset is not RFC 3339")
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void invalidJsonInAPropertyIsARecordError() {
        assertThatThrownBy(() -> mapper.map(SourceRecord.of(2,
                Map.of("event_name", "e", "external_customer_id", "c", "properties.seat", "{not json"))))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("properties.seat is not valid JSON: ");
    }

    @Test
    void requiredColumnsMissingOrEmptyAreRecordErrorsNamingTheColumn() {
        assertThatThrownBy(() -> mapper.map(SourceRecord.of(2, Map.of("external_customer_id", "c"))))
                .hasMessage("event_name is required");
        assertThatThrownBy(() -> mapper.map(SourceRecord.of(2, Map.of("event_name", "e",
                "external_customer_id", "  "))))
                .hasMessage("external_customer_id is required");
    }

    @Test
    void aJsonFilesNestedPropertiesObjectBecomesTheProperties() throws InvalidRecordException {
        EventRow event = mapper.map(SourceRecord.of(1, Map.of("event_name", "e", "external_customer_id", "c",
                "properties", "{\"tokens\":5,\"model\":\"m\"}")));

        assertThat(event.propertiesJson()).isEqualTo("{\"tokens\":5,\"model\":\"m\"}");
    }
}
