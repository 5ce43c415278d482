package dev.workerhost.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.spi.Json;

/**
 * Inputs and results as they cross to and from the host side: JSON written and read with the SPI's one mapper
 * configuration, the same the host side decodes with, into the test's own classes.
 */
final class TestSideJson {

    private TestSideJson() {
    }

    static String write(Object value) {
        try {
            return Json.writer().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.readerFor(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getName() + " from " + json + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static JsonNode tree(String json) {
        return read(json, JsonNode.class);
    }
}
