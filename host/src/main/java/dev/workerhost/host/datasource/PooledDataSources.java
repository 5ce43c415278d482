package dev.workerhost.host.datasource;

import com.typesafe.config.Config;
import dev.workerhost.host.loading.ContextClassLoader;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** HikariCP pools, one per configured datasource, created when a plugin first asks for it and shared after. */
public final class PooledDataSources implements DataSourceProvider {

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
        try {
            return ContextClassLoader.call(PooledDataSources.class.getClassLoader(),
                    () -> new HikariDataSource(hikariConfig(settings)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot open datasource '" + settings.name() + "': " + e.getMessage(), e);
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
        return hikari;
    }
}
