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

class CsvRecordSourceTest {

    @Test
    void stripsTheByteOrderMarkFromTheFirstColumnName() throws IOException {
        List<SourceRecord> records = read("\uFEFFevent_name,external_customer_id\napi_call,c1\n");

        assertThat(records).containsExactly(SourceRecord.of(2, Map.of("event_name", "api_call",
                "external_customer_id", "c1")));
    }

    @Test
    void quotedFieldsKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<SourceRecord> records = read("a,b\n"
                + "\"x, y\",\"say \"\"hi\"\"\"\n"
                + "\"first\nsecond\r\nthird\",plain\n");

        assertThat(records).extracting(SourceRecord::values).containsExactly(
                Map.of("a", "x, y", "b", "say \"hi\""),
                Map.of("a", "first\nsecond\r\nthird", "b", "plain"));
    }

    @Test
    void aRecordIsNumberedByTheLineItStartsOnCountingLineBreaksInsideQuotes() throws IOException {
        List<SourceRecord> records = read("a,b\r\n"
                + "1,\"two\nlines\"\r\n"
                + "\r\n"
                + "3,\"three\r\nmore\rlines\"\n"
                + "4,x");

        assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 5L, 8L);
        assertThat(records.get(2).values()).containsEntry("a", "4");
    }

    @Test
    void aRaggedRowIsAnUnreadableRecordAndReadingGoesOn() throws IOException {
        List<SourceRecord> records = read("a,b,c\n1,2\n1,2,3,4\n1,2,3\n");

        assertThat(records).hasSize(3);
        assertThat(records.get(0)).isEqualTo(
                SourceRecord.unreadable(2, "the record has 2 fields but the header has 3"));
        assertThat(records.get(1)).isEqualTo(
                SourceRecord.unreadable(3, "the record has 4 fields but the header has 3"));
        assertThat(records.get(2).readable()).isTrue();
    }

    @Test
    void aQuoteLeftOpenAtTheEndOfTheFileIsAnUnreadableRecord() throws IOException {
        List<SourceRecord> records = read("a,b\n1,2\n3,\"open\n");

        assertThat(records).hasSize(2);
        assertThat(records.get(1)).isEqualTo(
                SourceRecord.unreadable(3, "a quoted field is not closed before the end of the file"));
    }

    @Test
    void aRecordOverTheLimitIsOneUnreadableRecordAndReadingGoesOnAtTheNext() throws IOException {
        String huge = "x".repeat(RecordSource.MAX_RECORD_LENGTH);
        List<SourceRecord> records = read("a,b\n1,2\n\"" + huge + "\nstill quoted\",3\n4,5\n" + huge + ",6\n7,8\n");

        assertThat(records).containsExactly(
                SourceRecord.of(2, Map.of("a", "1", "b", "2")),
                SourceRecord.unreadable(3, "the record is longer than 1048576 characters"),
                SourceRecord.of(5, Map.of("a", "4", "b", "5")),
                SourceRecord.unreadable(6, "the record is longer than 1048576 characters"),
                SourceRecord.of(7, Map.of("a", "7", "b", "8")));
    }

    @Test
    void aQuoteLeftOpenInALargeFileIsOneUnreadableRecordSayingSo() throws IOException {
        List<SourceRecord> records = read("a\n\"" + "x\n".repeat(RecordSource.MAX_RECORD_LENGTH));

        assertThat(records).containsExactly(SourceRecord.unreadable(2, "the record is longer than 1048576"
                + " characters; is a quoted field missing its closing quote?"));
    }

    @Test
    void aHeaderOverTheLimitFailsTheImport() {
        assertThatThrownBy(() -> read("a".repeat(RecordSource.MAX_RECORD_LENGTH + 1) + "\n1\n"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("the header line is longer than 1048576 characters");
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        assertThat(read("")).isEmpty();
        assertThat(read("a,b\n")).isEmpty();
    }

    private static List<SourceRecord> read(String csv) throws IOException {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvRecordSource source =
                new CsvRecordSource(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            for (SourceRecord record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }
        return records;
    }
}
