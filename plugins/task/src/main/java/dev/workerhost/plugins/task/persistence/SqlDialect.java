package dev.workerhost.plugins.task.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/** The databases the plugin writes to; they differ in how an insert skips or updates an existing row, and in COPY. */
enum SqlDialect {
    H2,
    POSTGRESQL;

    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equals(product)) {
            return H2;
        }
        if ("PostgreSQL".equals(product)) {
            return POSTGRESQL;
        }
        throw new SQLException("the task plugin supports H2 and PostgreSQL, not " + product);
    }
}
