package dev.workerhost.plugins.plan;

import dev.workerhost.testkit.TestDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** One row written as a plain SQL {@code INSERT}, the way an operator would; only the columns the test names. */
final class SqlRow {

    private final TestDatabase db;
    private final String table;
    private final Map<String, String> literals = new LinkedHashMap<>();

    SqlRow(TestDatabase db, String table) {
        this.db = db;
        this.table = table;
    }

    /** A string, a number, an {@link Instant} or null. */
    SqlRow with(String column, Object value) {
        literals.put(column, literal(value));
        return this;
    }

    void insert() {
        db.execute(sql());
    }

    private String sql() {
        return "INSERT INTO " + table + " (" + String.join(", ", literals.keySet()) + ") VALUES ("
                + literals.values().stream().collect(Collectors.joining(", ")) + ")";
    }

    private static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Instant instant) {
            return "TIMESTAMP WITH TIME ZONE '" + instant.toString().replace('T', ' ').replace("Z", "+00") + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }
}
