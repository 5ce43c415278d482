package dev.workerhost.plugins.task.models;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A customer as one imported record describes it. A null field was not in the record and leaves the stored value
 * alone; {@code metadata} holds the keys to merge into the stored metadata.
 */
public record CustomerRow(
        String externalId,
        String name,
        String email,
        String addressLine1,
        String addressLine2,
        String addressCity,
        String addressState,
        String addressPostalCode,
        String addressCountry,
        ObjectNode metadata) {

    public CustomerRow {
        requireNonNull(externalId, "externalId is null");
        requireNonNull(metadata, "metadata is null");
    }

    /** This record applied over {@code stored}: fields it has replace, fields it lacks stay; metadata merges. */
    public CustomerRow over(CustomerRow stored) {
        ObjectNode merged = stored.metadata.deepCopy();
        merged.setAll(metadata);
        return new CustomerRow(externalId,
                or(name, stored.name),
                or(email, stored.email),
                or(addressLine1, stored.addressLine1),
                or(addressLine2, stored.addressLine2),
                or(addressCity, stored.addressCity),
                or(addressState, stored.addressState),
                or(addressPostalCode, stored.addressPostalCode),
                or(addressCountry, stored.addressCountry),
                merged);
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
