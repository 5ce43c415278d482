package dev.workerhost.host.datasource;

import com.typesafe.config.Config;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.retry.Patience;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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
    /**
     * The pools' housekeeping (idle and lifetime limits, keeping each pool filled) on one thread the host starts
     * here, before any plugin runs. Left to itself, Hikari starts a housekeeper per pool from the code that first
     * asks for the datasource, a plugin's {@code register}; a thread keeps the protection domains of the code that
     * created it (its inherited access control context), and so the housekeeper would keep that plugin's class
     * loader for the host's life, through any upgrade or removal.
     */
    private final ScheduledThreadPoolExecutor housekeeping;

    public PooledDataSources(Config config, Path home) {
        this.config = config;
        this.home = home;
        this.housekeeping = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "worker-host-datasources-housekeeper");
            thread.setDaemon(true);
            return thread;
        });
        // Hikari cancels a closed pool's housekeeping task; a shared executor must then drop it.
        housekeeping.setRemoveOnCancelPolicy(true);
        housekeeping.prestartAllCoreThreads();
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
     * Waits with {@link Patience} until every datasource handed out so far answers, so a database that is not up yet
     * delays the start (one WARN line per attempt) instead of failing the plugins that use it.
     *
     * @throws dev.workerhost.host.retry.PermanentStartException at once when waiting cannot help: refused
     *     credentials, a missing database or role, a malformed URL, an unwritable folder
     * @throws InterruptedException if the host is stopped while waiting
     */
    public void awaitReachable() throws InterruptedException {
        List<DataSourceSettings> handedOut;
        synchronized (this) {
            handedOut = pools.keySet().stream()
                    .map(name -> DataSourceSettings.read(config, name, home).orElseThrow())
                    .toList();
        }
        for (DataSourceSettings settings : handedOut) {
            String what = "datasource '" + settings.name() + "' ("
                    + DataSourceSettings.withoutParameters(settings.url()) + ")";
            Patience.untilItAnswers(what, () -> {
                DatabaseProbe.check(settings, home);
                return settings;
            }, LOG);
        }
    }

    @Override
    public synchronized void close() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
        housekeeping.shutdownNow();
    }

    /**
     * Creates the pool with the host's class loader as context class loader: plugins ask for datasources from their
     * own code, and the JDBC drivers ship with the host, where {@link java.sql.DriverManager} must find them (it
     * looks for drivers once, with the context class loader of its first caller).
     */
    private HikariDataSource createPool(DataSourceSettings settings) {
        try (LoaderSwap swap = LoaderSwap.to(PooledDataSources.class.getClassLoader())) {
            requireDriver(settings);
            HikariConfig hikari = hikariConfig(settings);
            hikari.setScheduledExecutor(housekeeping);
            return new HikariDataSource(hikari);
        }
    }

    private static void requireDriver(DataSourceSettings settings) {
        try {
            DriverManager.getDriver(settings.url());
        } catch (SQLException e) {
            throw new IllegalArgumentException("datasource '" + settings.name() + "' ("
                    + DataSourceSettings.withoutParameters(settings.url()) + "): no JDBC driver takes this URL (the host"
                    + " ships H2 and PostgreSQL: jdbc:h2:... or jdbc:postgresql://HOST:PORT/DATABASE; check datasources."
                    + settings.name() + ".url)", e);
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
