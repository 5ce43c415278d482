package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.task.models.EntityType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The task plugin's meter {@code task.import.rows}: the records imports finished with, tagged {@code outcome} =
 * {@code written} or {@code failed} and {@code entity_type} = {@code EVENTS} or {@code CUSTOMERS}. A chunk counts
 * once its transaction has committed, so a resumed import does not count a chunk twice; a rerun of a failed task
 * imports, and counts, its file again.
 */
public final class ImportMeters {

    private final Map<EntityType, Counter> written = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Counter> failed = new EnumMap<>(EntityType.class);

    public ImportMeters(MeterRegistry registry) {
        for (EntityType type : EntityType.values()) {
            written.put(type, counter(registry, "written", type));
            failed.put(type, counter(registry, "failed", type));
        }
    }

    void record(EntityType type, long writtenRows, long failedRows) {
        written.get(type).increment(writtenRows);
        failed.get(type).increment(failedRows);
    }

    private static Counter counter(MeterRegistry registry, String outcome, EntityType type) {
        return Counter.builder("task.import.rows")
                .description("Records of import files written to the database or failed as row errors")
                .tag("outcome", outcome)
                .tag("entity_type", type.name())
                .register(registry);
    }
}
