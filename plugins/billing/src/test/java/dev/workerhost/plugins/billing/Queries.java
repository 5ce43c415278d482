package dev.workerhost.plugins.billing;

import dev.workerhost.testkit.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Reads rows back as text, for compact assertions: columns joined by {@code |}, numbers without trailing zeros. */
public final class Queries {

    private Queries() {
    }

    public static List<String> rows(TestDatabase db, String sql) {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringJoiner row = new StringJoiner("|");
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    // PostgreSQL's driver returns timestamptz as java.sql.Timestamp unless asked for the type.
                    row.add(text(value instanceof Timestamp ? rows.getObject(i, OffsetDateTime.class) : value));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    public static String single(TestDatabase db, String sql) {
        List<String> rows = rows(db, sql);
        if (rows.size() != 1) {
            throw new IllegalStateException(sql + " returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).stripTrailingZeros().toPlainString();
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant().toString();
        }
        return String.valueOf(value);
    }
}
