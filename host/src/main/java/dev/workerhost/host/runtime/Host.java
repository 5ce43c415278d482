package dev.workerhost.host.runtime;

import com.typesafe.config.Config;
import dev.workerhost.host.admin.AdminServer;
import dev.workerhost.host.admin.AdminSettings;
import dev.workerhost.host.admin.HostStatus;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.datasource.PooledDataSources;
import dev.workerhost.host.loading.PluginFiles;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.metrics.HostMetrics;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.temporal.TemporalInBackground;
import dev.workerhost.host.temporal.TemporalSettings;
import dev.workerhost.host.workers.WorkerVersioning;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running worker host: plugins loaded, registered and started, Temporal connected, workers polling. Start-up:
 * load plugins and register them while the connection to Temporal is set up (starting the embedded server if so
 * configured; {@link TemporalInBackground}), wait for it and for the datasources the plugins asked for, then
 * {@link PluginLifecycle} starts each plugin and the workers and logs one line per plugin, then
 * {@value #READY}. The admin API (when {@code host.admin.port} is not 0) listens from right after loading, so health
 * and readiness answer while the host waits for Temporal or a database. {@link #close()} drains the workers, closes
 * the plugins, the datasources and the connection, stops the embedded server and then the admin API.
 */
public final class Host implements AutoCloseable, HostStatus {

    /** Logged once the workers poll; scripts and tests wait for this line. */
    public static final String READY = "worker-host ready";

    private static final Logger LOG = LoggerFactory.getLogger(Host.class);

    private final HostSettings settings;
    private final PluginLifecycle plugins;
    private final PooledDataSources dataSources;
    private final HostMetrics metrics;
    private final TemporalSettings temporal;
    private final TemporalInBackground connection;
    private volatile WorkflowClient client;
    private Optional<AdminServer> admin = Optional.empty();
    private volatile PluginFolderWatcher watcher;

    private Host(HostSettings settings, PluginLifecycle plugins, PooledDataSources dataSources, HostMetrics metrics,
            TemporalSettings temporal, TemporalInBackground connection) {
        this.settings = settings;
        this.plugins = plugins;
        this.dataSources = dataSources;
        this.metrics = metrics;
        this.temporal = temporal;
        this.connection = connection;
    }

    /**
     * Starts a host in this process. Waits for Temporal as long as it takes; interrupt the thread to give up.
     *
     * @throws HostStartException if a plugin is broken under {@code host.on-plugin-failure = fail}, or Temporal
     *     or the workers cannot be started
     * @throws InterruptedException if interrupted (stopped) while waiting for Temporal or a plugin's start
     */
    public static Host start(Config config, HostSettings settings) throws HostStartException, InterruptedException {
        AdminSettings adminSettings = settings(() -> AdminSettings.from(config));
        TemporalSettings temporal = TemporalSettings.from(config);
        WorkerVersioning versioning = settings(() -> WorkerVersioning.from(config, temporal.isEmbedded()));
        HostMetrics metrics = new HostMetrics();
        PooledDataSources dataSources = new PooledDataSources(config, settings.home());
        // Looked at before the install reads them, so a plugin that changes during the start is acted on later.
        Map<Path, PluginFiles> installedFiles = PluginFolderWatcher.look(settings.pluginsDir());
        TemporalInBackground connection = TemporalInBackground.forHost(temporal, metrics.temporalScope());
        PluginLifecycle plugins;
        try {
            plugins = PluginLifecycle.install(config, settings, new PluginScanner().scan(settings.pluginsDir()),
                    dataSources, metrics.registry());
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        Host host = new Host(settings, plugins, dataSources, metrics, temporal, connection);
        try {
            host.startAdmin(adminSettings);
            plugins.refuseBroken();
            host.client = connection.await();
            dataSources.awaitReachable();
            plugins.start(host.client, versioning);
            host.watchPlugins(installedFiles);
        } catch (HostStartException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
        LOG.info(READY);
        return host;
    }

    /** Settings read from the configuration; one that is invalid stops the start with its message. */
    private static <T> T settings(Supplier<T> read) throws HostStartException {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new HostStartException(e.getMessage(), e);
        }
    }

    private void startAdmin(AdminSettings adminSettings) throws HostStartException {
        if (!adminSettings.enabled()) {
            return;
        }
        try {
            admin = Optional.of(AdminServer.start(adminSettings, this, metrics));
        } catch (IllegalStateException e) {
            throw new HostStartException(e.getMessage(), e);
        }
    }

    private void watchPlugins(Map<Path, PluginFiles> installedFiles) {
        watcher = new PluginFolderWatcher(settings.pluginsDir(), settings.watchSettle(), plugins, installedFiles);
        if (settings.watchPlugins()) {
            watcher.watch();
        }
    }

    @Override
    public PluginRegistry registry() {
        return plugins.registry();
    }

    @Override
    public String temporalAddress() {
        return temporal.address();
    }

    @Override
    public Optional<WorkflowClient> temporal() {
        return Optional.ofNullable(client);
    }

    @Override
    public Map<String, DataSource> dataSources() {
        return dataSources.handedOut();
    }

    @Override
    public boolean workersPolling() {
        return plugins.workersPolling();
    }

    @Override
    public boolean polling(String taskQueue) {
        return plugins.polling(taskQueue);
    }

    @Override
    public Map<String, List<PluginEvent>> pluginHistory() {
        return plugins.history().byPlugin();
    }

    @Override
    public Optional<List<PluginEvent>> reloadPlugins() {
        return Optional.ofNullable(watcher).map(PluginFolderWatcher::rescan);
    }

    /** The plugins as they run: tests take one out or put one in. */
    PluginLifecycle plugins() {
        return plugins;
    }

    /** The connection the workers use; tests start and inspect workflows with it. */
    public WorkflowClient client() {
        return client;
    }

    /** Starts workflows by type name, like a plugin's {@code context.workflows()}. */
    public WorkflowStarter workflows() {
        return plugins.workflows();
    }

    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    public HostSettings settings() {
        return settings;
    }

    /** Drains the workers within {@code host.shutdown-timeout}, then releases everything in reverse order. */
    @Override
    public void close() {
        PluginFolderWatcher watching = watcher;
        watcher = null;
        if (watching != null) {
            watching.close();
        }
        plugins.close();
        dataSources.close();
        connection.close();
        admin.ifPresent(AdminServer::close);
        metrics.close();
        LOG.info("worker-host stopped");
    }
}
