package dev.workerhost.host.datasource;

import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.retry.RootCause;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Properties;

/**
 * Opens one connection to a configured database, straight through the driver rather than the pool (whose
 * connection timeout would hide the driver's answer for seconds), and sorts the failure: a database that is down
 * or busy may come up ({@link SQLException}, waited for), refused credentials, a missing database or role, a
 * malformed URL or an unwritable folder will not ({@link PermanentStartException}, the start ends).
 */
final class DatabaseProbe {

    private static final int VALIDITY_TIMEOUT_SECONDS = 5;
    /** H2: the database file is locked by another process, e.g. a host that is still draining. */
    private static final String H2_DATABASE_IN_USE = "90020";

    private DatabaseProbe() {
    }

    /**
     * @throws SQLException if the database does not answer now but may later
     * @throws PermanentStartException naming the key to fix
     */
    static void check(DataSourceSettings settings, Path home) throws SQLException {
        if (settings.url().equals(DataSourceSettings.embeddedUrl(home))) {
            requireWritableFolder(DataSourceSettings.embeddedFolder(home));
        }
        Properties credentials = new Properties();
        if (!settings.user().isEmpty()) {
            credentials.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            credentials.setProperty("password", settings.password());
        }
        try (Connection connection = DriverManager.getConnection(settings.url(), credentials)) {
            if (!connection.isValid(VALIDITY_TIMEOUT_SECONDS)) {
                throw new SQLTransientConnectionException(
                        "the connection did not pass a validity check within " + VALIDITY_TIMEOUT_SECONDS + " s");
            }
        } catch (SQLException e) {
            if (isTransient(e)) {
                throw e;
            }
            throw new PermanentStartException(permanentMessage(settings, e), e);
        }
    }

    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (RootCause.of(e) instanceof UnknownHostException) {
            return false;
        }
        return e instanceof SQLTransientException
                || state.startsWith("08")   // connection exception: refused, reset, timed out
                || state.startsWith("53")   // insufficient resources, e.g. too many connections
                || state.startsWith("57P")  // the server is shutting down or starting up
                || state.equals(H2_DATABASE_IN_USE);
    }

    private static String permanentMessage(DataSourceSettings settings, SQLException e) {
        String key = "datasources." + settings.name();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = "datasource '" + settings.name() + "' (" + DataSourceSettings.withoutParameters(settings.url())
                + ")";
        if (state.startsWith("28")) {
            return what + " refused the credentials of user '" + settings.user() + "': " + firstLine(e)
                    + " (check " + key + ".user and " + key + ".password)";
        }
        if (RootCause.of(e) instanceof UnknownHostException) {
            return what + ": unknown host " + RootCause.message(e) + " (check " + key + ".url)";
        }
        return what + ": " + firstLine(e) + " (SQLState " + state + "; check " + key + ".url, .user and .password)";
    }

    /** The embedded database lives in a folder the host must be able to write; say so before H2 does, obscurely. */
    private static void requireWritableFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.delete(Files.createTempFile(folder, ".write-check-", ""));
        } catch (IOException e) {
            throw new PermanentStartException("the embedded database's folder " + folder + " is not writable: "
                    + RootCause.message(e) + " (make it a writable folder, or set datasources.default.url)", e);
        }
    }

    private static String firstLine(SQLException e) {
        return e.getMessage().lines().findFirst().orElse(e.getClass().getSimpleName());
    }
}
