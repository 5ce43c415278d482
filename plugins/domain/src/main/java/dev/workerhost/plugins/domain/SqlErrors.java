package dev.workerhost.plugins.domain;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells the database errors that a retry may heal from those that recur on every attempt, by exception class and
 * SQLState (the same on H2 and PostgreSQL for the classes used here). Only an unreachable or overloaded database, a
 * timeout, and a transaction that lost a race (deadlock, serialization failure) are transient; a statement the
 * database refuses for its values or for its setup is refused again on the next attempt.
 */
public final class SqlErrors {

    /**
     * SQLState classes worth a retry: 08 connection exception, 40 transaction rollback (deadlock, serialization),
     * 53 insufficient resources, 57 operator intervention (shutdown, statement timeout), 58 system error, HY
     * timeouts (H2's lock timeout is HYT00).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58", "HY");

    private SqlErrors() {
    }

    /**
     * Whether retrying may help. An error without a SQLState cannot be told apart, so it counts as transient: the
     * retry policy bounds it.
     */
    public static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        String state = sqlState(e);
        return state == null || TRANSIENT_CLASSES.contains(state.substring(0, 2));
    }

    /**
     * Whether the database refused the values of the statement: SQLState class 22 (data exception: a value too long,
     * a NUL character, a number out of range, an invalid date) or 23 (integrity constraint violation). The same
     * statement with other values may succeed, so an importer can keep the other rows.
     */
    public static boolean isDataError(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    /**
     * The permanent error a failed database call amounts to, or the call's own exception when a retry may heal it.
     * Data errors become {@link InvalidDataException}; any other error that recurs (a missing table, a refused
     * grant, a refused login) becomes {@link DatabaseSetupException}. Both keep the SQL error as their cause.
     */
    public static RuntimeException classify(DataAccessException e) {
        SQLException sql = e.sqlException();
        if (isTransient(sql)) {
            return e;
        }
        String reason = "the database refused the statement: " + sql.getMessage() + " (SQLState " + sqlState(sql)
                + ")";
        if (isDataError(sql)) {
            return new InvalidDataException(reason,
                    "correct the value in the input or the row that carries it; retrying cannot store it", sql);
        }
        return new DatabaseSetupException(reason,
                "check the datasource's database, its schema and the grants of its user; retrying cannot help", sql);
    }

    /** The SQLState of {@code e} or, when it has none, of the first chained exception that has one (batches). */
    private static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null && next.getSQLState().length() >= 2) {
                return next.getSQLState();
            }
        }
        return null;
    }
}
