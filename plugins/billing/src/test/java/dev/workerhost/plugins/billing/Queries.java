package dev.workerhost.plugins.billing;

import dev.workerhost.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** Rows read back as text, for compact assertions: columns joined by {@code |}, numbers without trailing zeros. */
public final class Queries {

    private Queries() {
    }

    public static List<String> rows(TestDatabase db, String sql) {
        return db.rows(sql).stream()
                .map(row -> row.values().stream().map(Queries::text).collect(Collectors.joining("|")))
                .toList();
    }

    public static String single(TestDatabase db, String sql) {
        List<String> rows = rows(db, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        return String.valueOf(value);
    }
}
