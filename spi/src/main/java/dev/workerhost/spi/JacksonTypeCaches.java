package dev.workerhost.spi;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializerCache;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Empties, in place, the four caches in which a Jackson mapper keeps what it learnt about the types it read and
 * wrote: the type factory's types, the serializers, the deserializers and the root deserializers. Each entry holds
 * the type's class, so a mapper shared by the host and its plugins keeps every plugin's classes, and with them its
 * class loader, for as long as the mapper lives. In place, because the readers and writers already handed out share
 * these caches with the mapper. Jackson 2.15 offers no call for the last two, so they are reached by their fields;
 * were Jackson to rename them, this fails loudly (the host's test of unloading plugins runs it).
 */
final class JacksonTypeCaches {

    private static final Field ROOT_DESERIALIZERS = field(ObjectMapper.class, "_rootDeserializers");
    private static final Field DESERIALIZER_CACHE = field(DeserializationContext.class, "_cache");

    private JacksonTypeCaches() {
    }

    static void empty(ObjectMapper mapper) {
        mapper.getTypeFactory().clearCache();
        ((DefaultSerializerProvider) mapper.getSerializerProvider()).flushCachedSerializers();
        try {
            ((Map<?, ?>) ROOT_DESERIALIZERS.get(mapper)).clear();
            ((DeserializerCache) DESERIALIZER_CACHE.get(mapper.getDeserializationContext())).flushCachedDeserializers();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot empty Jackson's deserializer caches", e);
        }
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("Jackson " + owner.getName() + " has no field " + name
                    + " to empty: the JSON caches would keep the classes of unloaded plugins", e);
        }
    }
}
