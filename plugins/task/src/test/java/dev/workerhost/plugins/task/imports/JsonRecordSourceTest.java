package dev.workerhost.plugins.task.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordSourceTest {

    @Test
    void readsAnArrayOfObjectsNumberingElementsFromOne() throws IOException {
        List<SourceRecord> records = read("[{\"event_name\": \"api_call\", \"count\": 3, \"ok\": true, \"gone\": null},"
                + " {\"properties\": {\"a\": [1, 2]}, \"tags\": [\"x\"]}]");

        assertThat(records).containsExactly(
                SourceRecord.of(1, Map.of("event_name", "api_call", "count", "3", "ok", "true")),
                SourceRecord.of(2, Map.of("properties", "{\"a\":[1,2]}", "tags", "[\"x\"]")));
    }

    @Test
    void anElementThatIsNotAnObjectIsAnUnreadableRecordAndReadingGoesOn() throws IOException {
        List<SourceRecord> records = read("[42, [1, {\"a\": 1}], {\"a\": \"b\"}]");

        assertThat(records).containsExactly(
                SourceRecord.unreadable(1, "the element is a number, not a JSON object"),
                SourceRecord.unreadable(2, "the element is an array, not a JSON object"),
                SourceRecord.of(3, Map.of("a", "b")));
    }

    @Test
    void aFileThatIsNotAJsonArrayFailsTheImportSayingWhatItIs() {
        assertThatThrownBy(() -> read("{\"event_name\": \"api_call\"}"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("expected a JSON array of objects, but the file starts with an object");
        assertThatThrownBy(() -> read(""))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("expected a JSON array of objects, but the file is empty");
    }

    @Test
    void malformedJsonFailsTheImportNamingWhereItBroke() {
        assertThatThrownBy(() -> read("[{\"a\": 1}, {\"a\": }]"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("the file is not valid JSON after element 2: ");
    }

    @Test
    void anElementOverTheLimitIsOneUnreadableRecordAndReadingGoesOn() throws IOException {
        String huge = "x".repeat(RecordSource.MAX_RECORD_LENGTH);
        List<SourceRecord> records = read("[{\"a\": \"" + huge + "\", \"b\": {\"c\": [1]}}, {\"a\": 1},"
                + " {\"n\": {\"deep\": [\"" + huge + "\", {\"x\": 2}]}, \"m\": 3}, {\"a\": 2}]");

        assertThat(records).containsExactly(
                SourceRecord.unreadable(1, "the element is longer than 1048576 bytes"),
                SourceRecord.of(2, Map.of("a", "1")),
                SourceRecord.unreadable(3, "the element is longer than 1048576 bytes"),
                SourceRecord.of(4, Map.of("a", "2")));
    }

    @Test
    void jsonNestedDeeperThanTheParserAllowsFailsTheImport() {
        assertThatThrownBy(() -> read("[{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}]"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageStartingWith("the file is not valid JSON after element 1: ")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void anEmptyArrayHasNoRecords() throws IOException {
        assertThat(read(" [ ] ")).isEmpty();
    }

    private static List<SourceRecord> read(String json) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (JsonRecordSource source =
                new JsonRecordSource(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            for (SourceRecord record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
