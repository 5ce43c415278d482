package dev.workerhost.host.datasource;

import com.typesafe.config.Config;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Datasources for offline checks ({@code worker-host plugins}, {@code workflow start}): a plugin may hold on to one
 * during {@code register}, but connecting is refused, since offline means no database.
 */
public final class OfflineDataSources implements DataSourceProvider {

    private final Config config;

    public OfflineDataSources(Config config) {
        this.config = config;
    }

    @Override
    public DataSource dataSource(String name) {
        if (!DataSourceSettings.configuredNames(config).contains(name)) {
            throw UnknownDataSource.named(name, config);
        }
        return new Refusing(name);
    }

    @Override
    public void close() {
        // nothing was opened
    }

    private record Refusing(String name) implements DataSource {

        private SQLException refusal() {
            return new SQLException("datasource '" + name + "' is not available during an offline check");
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw refusal();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw refusal();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // no connections, nothing to log
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // no connections, no timeout
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("an offline datasource does not log");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw refusal();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
