package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

/** A meter row: which events it counts and how. {@code aggregationField} is null only for COUNT. */
public record Meter(String id, String name, String eventName, AggregationType aggregation, String aggregationField) {

    public Meter {
        requireNonNull(id, "id is null");
        requireNonNull(eventName, "eventName is null");
        requireNonNull(aggregation, "aggregation is null");
    }

    /** How error messages name the meter and what it aggregates. */
    public String describe() {
        return "meter " + id + " (" + aggregation + (aggregationField == null ? "" : " of properties." + aggregationField)
                + " over " + eventName + " events)";
    }
}
