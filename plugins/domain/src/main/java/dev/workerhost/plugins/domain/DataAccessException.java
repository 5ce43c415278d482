package dev.workerhost.plugins.domain;

import java.sql.SQLException;

/**
 * A database call failed. Unchecked so activities need not declare it; Temporal retries it with the activity's
 * retry policy, since a lost connection or a deadlock usually heals.
 */
public final class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(describe(cause), cause);
    }

    private static String describe(SQLException e) {
        return "database error" + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")")
                + ": " + e.getMessage();
    }
}
