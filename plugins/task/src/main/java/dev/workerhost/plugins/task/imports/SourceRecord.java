package dev.workerhost.plugins.task.imports;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One record of an import file: its named values, or why it could not be read (a ragged CSV row, a JSON element
 * that is not an object).
 *
 * @param line the record's first line in a CSV file (the header is line 1), or its 1-based index in a JSON array
 */
public record SourceRecord(long line, Map<String, String> values, String error) {

    public static SourceRecord of(long line, Map<String, String> values) {
        return new SourceRecord(line, requireNonNull(values, "values is null"), null);
    }

    public static SourceRecord unreadable(long line, String error) {
        return new SourceRecord(line, Map.of(), requireNonNull(error, "error is null"));
    }

    public boolean readable() {
        return error == null;
    }
}
