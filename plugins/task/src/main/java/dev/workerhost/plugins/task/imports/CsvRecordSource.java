package dev.workerhost.plugins.task.imports;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a UTF-8 CSV file whose first line names the columns. Empty lines are skipped; a record with more
 * or fewer fields than the header, a quoted field never closed, or a record longer than
 * {@value RecordSource#MAX_RECORD_LENGTH} characters is an unreadable record rather than the end of the import.
 */
public final class CsvRecordSource implements RecordSource {

    private final InputStream input;
    private final CsvParser parser;
    private final List<String> header;

    public CsvRecordSource(InputStream input) throws IOException {
        this.input = input;
        this.parser = new CsvParser(
                new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 64 * 1024));
        CsvParser.RawRecord first = nextNonBlank();
        if (first != null && first.tooLong()) {
            throw new InvalidDataException("the header line is longer than " + RecordSource.MAX_RECORD_LENGTH
                    + " characters", "the first line of a CSV import file names its columns; fix the file");
        }
        this.header = first == null ? List.of() : first.fields().stream().map(String::trim).toList();
    }

    @Override
    public SourceRecord next() throws IOException {
        CsvParser.RawRecord record = nextNonBlank();
        if (record == null) {
            return null;
        }
        if (record.tooLong()) {
            return SourceRecord.unreadable(record.line(), "the record is longer than " + RecordSource.MAX_RECORD_LENGTH
                    + " characters" + (record.quotesClosed() ? "" : "; is a quoted field missing its closing quote?"));
        }
        if (!record.quotesClosed()) {
            return SourceRecord.unreadable(record.line(), "a quoted field is not closed before the end of the file");
        }
        if (record.fields().size() != header.size()) {
            return SourceRecord.unreadable(record.line(), "the record has " + record.fields().size()
                    + " fields but the header has " + header.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), record.fields().get(i));
        }
        return SourceRecord.of(record.line(), values);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }

    private CsvParser.RawRecord nextNonBlank() throws IOException {
        CsvParser.RawRecord record = parser.next();
        while (record != null && record.blank()) {
            record = parser.next();
        }
        return record;
    }
}
