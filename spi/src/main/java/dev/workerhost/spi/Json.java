package dev.workerhost.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.common.converter.JacksonJsonPayloadConverter;

/**
 * The one JSON configuration of host and plugins: Temporal's default mapper (Java time, {@code Optional}; an unknown
 * property is an error, so a misspelt input field is caught), so what the CLI parses is what a worker decodes. Inputs and results are records whose JSON
 * names are snake_case ({@code @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)}).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JacksonJsonPayloadConverter.newDefaultObjectMapper();

    private Json() {
    }

    /** A shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
