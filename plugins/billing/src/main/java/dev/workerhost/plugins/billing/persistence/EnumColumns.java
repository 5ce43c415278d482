package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.util.Arrays;
import java.util.Locale;

/** Reads upper-case enumeration columns, naming the row and the allowed values when one is wrong. */
final class EnumColumns {

    private EnumColumns() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String row, String column) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                    return constant;
                }
            }
        }
        throw new InvalidDataException(row + " has " + column + " " + (value == null ? "null" : "'" + value + "'")
                + "; expected one of " + Arrays.toString(type.getEnumConstants()),
                "set " + column + " of " + row + " to one of the expected values");
    }
}
