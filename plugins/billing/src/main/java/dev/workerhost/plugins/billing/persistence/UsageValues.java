package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.math.BigDecimal;

/** Reads an event's field value as a number the same way for both aggregators. */
final class UsageValues {

    private UsageValues() {
    }

    /** The value as a decimal; numeric strings count ({@code "12.5"}, as CSV imports store them). */
    static BigDecimal numeric(Meter meter, String eventId, String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw notNumeric(meter, eventId, text);
        }
    }

    static InvalidDataException notNumeric(Meter meter, String eventId, String value) {
        return new InvalidDataException(meter.describe() + ": event " + eventId + " has properties."
                + meter.aggregationField() + " = " + value + ", which is not a number",
                "correct the event's properties or the meter's aggregation_field, then bill the subscription again");
    }
}
