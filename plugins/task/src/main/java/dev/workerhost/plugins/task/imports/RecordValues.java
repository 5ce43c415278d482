package dev.workerhost.plugins.task.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workerhost.spi.Json;
import java.util.Map;

/** Reads the values of one record by column name; an empty value counts as absent. */
final class RecordValues {

    private final Map<String, String> values;

    RecordValues(SourceRecord record) {
        this.values = record.values();
    }

    /** The trimmed value, or null when the column is missing or empty. */
    String optional(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    String required(String column) throws InvalidRecordException {
        String value = optional(column);
        if (value == null) {
            throw new InvalidRecordException(column + " is required");
        }
        return value;
    }

    /**
     * The JSON object made of the {@code <prefix>.X} columns (over a {@code <prefix>} column that holds a whole
     * JSON object, as JSON files carry it). A value starting with <code>{</code> or <code>[</code> is taken as JSON,
     * anything else as a string.
     */
    ObjectNode jsonObject(String prefix) throws InvalidRecordException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        String whole = optional(prefix);
        if (whole != null) {
            JsonNode node = parseJson(prefix, whole);
            if (!node.isObject()) {
                throw new InvalidRecordException(prefix + " must be a JSON object");
            }
            object.setAll((ObjectNode) node);
        }
        String dotted = prefix + ".";
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String column = entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            if (column.startsWith(dotted) && column.length() > dotted.length() && !value.isEmpty()) {
                String key = column.substring(dotted.length());
                if (value.startsWith("{") || value.startsWith("[")) {
                    object.set(key, parseJson(column, value));
                } else {
                    object.put(key, value);
                }
            }
        }
        return object;
    }

    private static JsonNode parseJson(String column, String value) throws InvalidRecordException {
        try {
            return Json.reader().readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException(column + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
