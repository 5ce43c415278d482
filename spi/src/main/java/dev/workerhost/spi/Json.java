package dev.workerhost.spi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;

/**
 * The one JSON configuration of host and plugins, so what the CLI parses is what a worker decodes: Temporal's
 * default mapper (Java time, {@code Optional}) made strict for inputs. An unknown property is an error (a misspelt
 * field is caught); no coercion between JSON types ({@code 123} or {@code true} is no string, {@code "5"} no
 * number, {@code 1.5} no integer, {@code null} no {@code int}); an integer out of its field's range is an error.
 * (A reader of whole documents adds {@code DeserializationFeature.FAIL_ON_TRAILING_TOKENS}; streams of values, such
 * as an import's records, read on after the first.) Inputs and results are records whose JSON names are snake_case
 * ({@code @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)}).
 *
 * <p>The mapper itself stays private: readers and writers are immutable, and a plugin that needs another
 * configuration (a module, a feature) takes a {@link #copy()}, so no plugin changes how another decodes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = strict(JacksonJsonPayloadConverter.newDefaultObjectMapper());

    private Json() {
    }

    /** Reads JSON trees and, with {@code forType}, values. */
    public static ObjectReader reader() {
        return MAPPER.reader();
    }

    public static ObjectReader readerFor(Class<?> type) {
        return MAPPER.readerFor(type);
    }

    public static ObjectWriter writer() {
        return MAPPER.writer();
    }

    /** A mapper of this configuration that is the caller's own to reconfigure. */
    public static ObjectMapper copy() {
        return MAPPER.copy();
    }

    /**
     * Forgets the types this configuration has read and written. Jackson keeps what it learnt of each type, class
     * included, for the mapper's life, so a plugin's classes, and its class loader, would outlive the plugin: the
     * host calls this once it has unloaded one. Readers and writers taken before are emptied too. Plugins have no
     * reason to call it; what is forgotten is learnt again on the next use, at the cost of a first use.
     */
    public static void forgetTypes() {
        JacksonTypeCaches.empty(MAPPER);
    }

    /** Temporal's default data converter with JSON done by this configuration: the host's and the test kit's. */
    public static DataConverter dataConverter() {
        return Converter.INSTANCE;
    }

    /**
     * Built on first use only: reading and writing JSON runs no Temporal code, so a test reads results with this
     * configuration even when its class path holds a plugin's own, older Guava, which Temporal's converters need new.
     */
    private static final class Converter {
        static final DataConverter INSTANCE = DefaultDataConverter.newDefaultInstance()
                .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(MAPPER));
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
