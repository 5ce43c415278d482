package dev.workerhost.plugins.task.models;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of rows a task can import ({@code entity_type}). */
public enum EntityType {
    EVENTS,
    CUSTOMERS;

    /** The entity type named by a task row, if it is one this plugin imports. */
    public static Optional<EntityType> of(String name) {
        return Arrays.stream(values()).filter(type -> type.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
