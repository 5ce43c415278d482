package dev.workerhost.plugins.task.imports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The elements of a file holding one JSON array of objects, read with Jackson's streaming parser so that only one
 * element is in memory at a time. Scalar values become their text, nested objects and arrays their JSON text;
 * nulls are left out. An element that is not an object, or longer than {@value RecordSource#MAX_RECORD_LENGTH}
 * bytes, is an unreadable record and reading goes on after it; a file that is not a JSON array, or stops being valid
 * JSON (also one nested deeper than the parser allows), fails the import.
 */
public final class JsonRecordSource implements RecordSource {

    private static final String ONE_ARRAY = "an import file in JSON holds one array of objects; fix the file";

    private final JsonParser parser;
    private long index;

    public JsonRecordSource(InputStream input) throws IOException {
        this.parser = Json.reader().createParser(input);
        JsonToken first = read();
        if (first != JsonToken.START_ARRAY) {
            parser.close();
            throw new InvalidDataException("expected a JSON array of objects, but the file "
                    + (first == null ? "is empty" : "starts with " + describe(first)), ONE_ARRAY);
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
            skipChildren();
            return SourceRecord.unreadable(index, "the element is " + describe(token) + ", not a JSON object");
        }
        long start = offset(parser.currentTokenLocation());
        JsonStreamContext element = parser.getParsingContext();
        Map<String, String> values = new LinkedHashMap<>();
        while (read() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = read();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                values.put(name, nestedJson(start, element));
            } else if (value != JsonToken.VALUE_NULL) {
                values.put(name, parser.getText());
            }
            if (offset(parser.currentLocation()) - start > MAX_RECORD_LENGTH) {
                skipRestOf(element);
                return SourceRecord.unreadable(index, "the element is longer than " + MAX_RECORD_LENGTH + " bytes");
            }
        }
        return SourceRecord.of(index, values);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * The JSON text of the object or array that starts at the current token. Past the element's length limit it
     * stops copying and skips to the value's end; the caller then finds the element too long.
     */
    private String nestedJson(long elementStart, JsonStreamContext element) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator copy = parser.getCodec().getFactory().createGenerator(text)) {
            // At a closing token the parser is already back in the enclosing context.
            while (true) {
                copy.copyCurrentEvent(parser);
                if (parser.getParsingContext() == element) {
                    copy.flush();
                    return text.toString();
                }
                if (offset(parser.currentLocation()) - elementStart > MAX_RECORD_LENGTH) {
                    while (parser.getParsingContext() != element) {
                        read();
                    }
                    return "";
                }
                read();
            }
        }
    }

    private void skipRestOf(JsonStreamContext element) throws IOException {
        while (parser.getParsingContext() != element.getParent()) {
            read();
        }
    }

    private void skipChildren() throws IOException {
        try {
            parser.skipChildren();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    /** The next token; malformed JSON is a broken file, not a read error worth retrying. */
    private JsonToken read() throws IOException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private InvalidDataException malformed(JsonProcessingException e) {
        return new InvalidDataException("the file is not valid JSON after element " + index + ": "
                + e.getOriginalMessage(), ONE_ARRAY, e);
    }

    private static long offset(JsonLocation location) {
        return location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
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
