package dev.workerhost.plugins.plan.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The one read loop of this package: run a prepared query and turn each row into a value. */
final class Queries {

    /** Reads the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Queries() {
    }

    static <T> List<T> list(PreparedStatement statement, RowMapper<T> mapper) throws SQLException {
        List<T> values = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                values.add(mapper.map(row));
            }
        }
        return values;
    }
}
