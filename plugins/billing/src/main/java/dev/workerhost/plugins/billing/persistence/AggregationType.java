package dev.workerhost.plugins.billing.persistence;

/** How a meter turns a customer's events into a quantity. */
public enum AggregationType {
    /** How many events; needs no field. */
    COUNT,
    /** The sum of the field's numeric values. */
    SUM,
    /** The greatest numeric value of the field. */
    MAX,
    /** How many distinct values the field takes. */
    COUNT_UNIQUE,
    /** The numeric value of the field in the latest event that has it. */
    LATEST;

    boolean needsField() {
        return this != COUNT;
    }
}
