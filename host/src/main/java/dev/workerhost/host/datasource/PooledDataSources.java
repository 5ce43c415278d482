package dev.workerhost.host.datasource;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.retry.Patience;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HikariCP pools, one per configured datasource, created when a plugin first asks for it and shared after. */
public final class PooledDataSources implements DataSourceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(PooledDataSources.class);
    /** How long a caller waits for a connection before its attempt fails (Hikari's default is 30 s). */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final Config config;
    private final Path home;
    private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

    public PooledDataSources(Config config, Path home) {
        this.config = config;
        this.home = home;
    }

    @Override
    public synchronized DataSource dataSource(String name) {
        HikariDataSource pool = pools.get(name);
        if (pool == null) {
            DataSourceSettings settings = DataSourceSettings.read(config, name, home)
                    .orElseThrow(() -> UnknownDataSource.named(name, config));
            pool = createPool(settings);
            pools.put(name, pool);
        }
        return pool;
    }

    /** The pools handed out so far, by datasource name. */
    public synchronized Map<String, DataSource> handedOut() {
        return Map.copyOf(pools);
    }

    /**
     * Waits with {@link Patience} until every pool handed out so far opens a connection, so a database that is not
     * up yet delays the start (one WARN line per attempt) instead of failing the plugins that use it.
     *
     * @throws InterruptedException if the host is stopped while waiting
     */
    public void awaitReachable() throws InterruptedException {
        Map<String, HikariDataSource> handedOut;
        synchronized (this) {
            handedOut = new LinkedHashMap<>(pools);
        }
        for (Map.Entry<String, HikariDataSource> pool : handedOut.entrySet()) {
            String what = "datasource '" + pool.getKey() + "' (" + withoutParameters(pool.getValue().getJdbcUrl()) + ")";
            Patience.untilItAnswers(what, () -> {
                try (Connection connection = pool.getValue().getConnection()) {
                    return connection.isValid(5);
                }
            }, LOG);
        }
    }

    /** A JDBC URL fit for the log: its parameters (which may hold a password) left out. */
    private static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        int h2Settings = url.indexOf(';');
        int end = parameters < 0 ? h2Settings : h2Settings < 0 ? parameters : Math.min(parameters, h2Settings);
        return end < 0 ? url : url.substring(0, end);
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }

    /**
     * Creates the pool with the host's class loader as context class loader: plugins ask for datasources from their
     * own code, and the JDBC drivers ship with the host, where {@link java.sql.DriverManager} must find them.
     */
    private static HikariDataSource createPool(DataSourceSettings settings) {
        try (LoaderSwap swap = LoaderSwap.to(PooledDataSources.class.getClassLoader())) {
            return new HikariDataSource(hikariConfig(settings));
        }
    }

    private static HikariConfig hikariConfig(DataSourceSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("worker-host-" + settings.name());
        hikari.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            hikari.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            hikari.setPassword(settings.password());
        }
        hikari.setMaximumPoolSize(settings.poolSize());
        // Creating the pool must not connect: plugins ask for datasources in register, which also runs offline.
        // The host waits for the database before it starts the plugins (awaitReachable).
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // Without it the driver sends a JDBC batch one statement at a time: a 1,000-row chunk of an import
            // becomes 1,000 round trips (bench/README.md: 1.7x the import throughput). A URL may still turn it off.
            hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return hikari;
    }
}
