package dev.workerhost.plugins.task.models;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An event ready to insert; {@code propertiesJson} is a JSON object's text. */
public record EventRow(
        String id,
        String eventName,
        String externalCustomerId,
        String customerId,
        Instant timestamp,
        String source,
        String propertiesJson) {

    public EventRow {
        requireNonNull(id, "id is null");
        requireNonNull(eventName, "eventName is null");
        requireNonNull(externalCustomerId, "externalCustomerId is null");
        requireNonNull(timestamp, "timestamp is null");
        requireNonNull(propertiesJson, "propertiesJson is null");
    }
}
