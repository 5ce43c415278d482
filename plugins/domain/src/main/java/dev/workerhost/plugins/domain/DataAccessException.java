package dev.workerhost.plugins.domain;

import java.sql.SQLException;

/**
 * A database call failed. Unchecked so activities need not declare it. Whether a retry may heal it is for
 * {@link SqlErrors#classify} to say: {@link FailOnce} lets a lost connection or a deadlock be retried and fails a
 * refused value at once.
 */
public final class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(describe(cause), cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    private static String describe(SQLException e) {
        return "database error" + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")")
                + ": " + e.getMessage();
    }
}
