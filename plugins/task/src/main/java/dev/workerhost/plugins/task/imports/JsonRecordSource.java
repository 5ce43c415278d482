package dev.workerhost.plugins.task.imports;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.workerhost.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The elements of a file holding one JSON array of objects, read with Jackson's streaming parser so that only one
 * element is in memory at a time. Scalar values become their text, nested objects and arrays their JSON text;
 * nulls are left out. An element that is not an object is an unreadable record; a file that is not a JSON array,
 * or stops being valid JSON, fails the import.
 */
public final class JsonRecordSource implements RecordSource {

    private final JsonParser parser;
    private long index;

    public JsonRecordSource(InputStream input) throws IOException {
        this.parser = Json.mapper().createParser(input);
        JsonToken first = read();
        if (first != JsonToken.START_ARRAY) {
            parser.close();
            throw new ImportFailure("expected a JSON array of objects, but the file "
                    + (first == null ? "is empty" : "starts with " + describe(first)));
        }
    }

    @Override
    public SourceRecord next() throws IOException {
        JsonToken token = read();
        if (token == JsonToken.END_ARRAY || token == null) {
            return null;
        }
        index++;
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return SourceRecord.unreadable(index, "the element is " + describe(token) + ", not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (read() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = read();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                values.put(name, parser.readValueAsTree().toString());
            } else if (value != JsonToken.VALUE_NULL) {
                values.put(name, parser.getText());
            }
        }
        return SourceRecord.of(index, values);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** The next token; malformed JSON is a broken file, not a read error worth retrying. */
    private JsonToken read() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonParseException e) {
            throw new ImportFailure("the file is not valid JSON after element " + index + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.asString() == null ? token.name() : token.asString();
        }
    }
}
