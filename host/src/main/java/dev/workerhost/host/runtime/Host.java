package dev.workerhost.host.runtime;

import com.typesafe.config.Config;
import dev.workerhost.host.admin.AdminServer;
import dev.workerhost.host.admin.AdminSettings;
import dev.workerhost.host.admin.HostStatus;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.config.PluginFailurePolicy;
import dev.workerhost.host.datasource.PooledDataSources;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.loading.LoadProblemExplainer;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.metrics.HostMetrics;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.temporal.TemporalSettings;
import dev.workerhost.host.temporal.TemporalWorkflowStarter;
import dev.workerhost.host.workers.WorkerManager;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running worker host: plugins loaded, registered and started, Temporal connected, workers polling. Start-up:
 * load plugins, register them, connect to Temporal (starting the embedded server if so configured), wait for the
 * datasources the plugins asked for, start each plugin, start the workers, log one line per plugin and then
 * {@value #READY}. The admin API (when {@code host.admin.port} is not 0) listens from right after loading, so health
 * and readiness answer while the host waits for Temporal or a database. {@link #close()} drains the workers, closes
 * the plugins, the datasources and the connection, stops the embedded server and then the admin API.
 */
public final class Host implements AutoCloseable, HostStatus {

    /** Logged once the workers poll; scripts and tests wait for this line. */
    public static final String READY = "worker-host ready";

    private static final Logger LOG = LoggerFactory.getLogger(Host.class);

    private final HostSettings settings;
    private final PluginRegistry registry;
    private final PooledDataSources dataSources;
    private final HostMetrics metrics;
    private final TemporalSettings temporal;
    private final List<PluginEntry> started = new ArrayList<>();
    private EmbeddedTemporalServer embeddedServer;
    private volatile WorkflowClient client;
    private WorkflowStarter workflows;
    private WorkerManager workers;
    private volatile boolean polling;
    private Optional<AdminServer> admin = Optional.empty();

    private Host(HostSettings settings, PluginRegistry registry, PooledDataSources dataSources, HostMetrics metrics,
            TemporalSettings temporal) {
        this.settings = settings;
        this.registry = registry;
        this.dataSources = dataSources;
        this.metrics = metrics;
        this.temporal = temporal;
    }

    /**
     * Starts a host in this process. Waits for Temporal as long as it takes; interrupt the thread to give up.
     *
     * @throws HostStartException if a plugin is broken under {@code host.on-plugin-failure = fail}, or Temporal
     *     or the workers cannot be started
     * @throws InterruptedException if interrupted while waiting for Temporal
     */
    public static Host start(Config config, HostSettings settings) throws HostStartException, InterruptedException {
        AdminSettings adminSettings = adminSettings(config);
        HostMetrics metrics = new HostMetrics();
        PooledDataSources dataSources = new PooledDataSources(config, settings.home());
        LateTemporal lateTemporal = new LateTemporal();
        PluginRegistry registry = new PluginInstaller(config, dataSources, metrics.registry(), lateTemporal)
                .installFolders(List.of(settings.pluginsDir()));
        Host host = new Host(settings, registry, dataSources, metrics, TemporalSettings.from(config));
        try {
            host.startAdmin(adminSettings);
            host.refuseBrokenPlugins(registry.entries());
            host.connect(host.temporal, lateTemporal);
            dataSources.awaitReachable();
            host.startPlugins();
            host.startWorkers(config);
        } catch (HostStartException | InterruptedException | RuntimeException e) {
            host.close();
            throw e;
        }
        for (PluginEntry entry : registry.entries()) {
            if (entry.state() == PluginState.DISABLED) {
                LOG.info("{} (plugins.{}.enabled = false)", entry.descriptor().summary(), entry.name());
            } else if (entry.isRegistered()) {
                LOG.info(entry.descriptor().summary());
                entry.descriptor().warnings().forEach(warning -> LOG.warn("plugin {}: {}", entry.name(), warning));
            }
        }
        LOG.info(READY);
        return host;
    }

    private static AdminSettings adminSettings(Config config) throws HostStartException {
        try {
            return AdminSettings.from(config);
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

    /**
     * Under {@code fail}, refuses to start naming every broken plugin; under {@code skip}, logs each once. Either
     * way the stack trace behind each is logged at DEBUG.
     */
    private void refuseBrokenPlugins(List<PluginEntry> entries) throws HostStartException {
        List<PluginEntry> broken = entries.stream().filter(entry -> entry.descriptor().isBroken()).toList();
        broken.forEach(entry -> entry.error().ifPresent(error -> LOG.debug(entry.descriptor().problem(), error)));
        if (broken.isEmpty() || settings.onPluginFailure() == PluginFailurePolicy.SKIP) {
            broken.forEach(entry -> LOG.warn("skipping {}", entry.descriptor().problem()));
            return;
        }
        throw new HostStartException(brokenMessage(broken.stream().map(PluginEntry::descriptor).toList()));
    }

    private void connect(TemporalSettings temporal, LateTemporal lateTemporal) throws InterruptedException {
        if (temporal.isEmbedded()) {
            embeddedServer = EmbeddedTemporalServer.start(temporal.embeddedPort());
        }
        client = new TemporalConnector(temporal, metrics.temporalScope()).connectPatiently();
        workflows = new TemporalWorkflowStarter(client, registry);
        lateTemporal.connect(client, workflows);
    }

    private void startPlugins() throws HostStartException {
        for (PluginEntry entry : registry.registered()) {
            LoadedPlugin plugin = entry.plugin().orElseThrow();
            Timer.Sample starting = Timer.start();
            try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
                plugin.module().start(entry.context().orElseThrow());
                starting.stop(metrics.registry().timer("worker.host.plugin.start", "plugin", plugin.name()));
                started.add(entry);
            } catch (Exception | LinkageError e) {
                PluginEntry failed = registry.markFailed(entry, "start failed: " + LoadProblemExplainer.describe(e), e);
                plugin.loader().closeQuietly();
                refuseBrokenPlugins(List.of(failed));
            }
        }
    }

    private void startWorkers(Config config) throws HostStartException {
        workers = new WorkerManager(client, registry.queues(), config);
        try {
            workers.start();
        } catch (Exception e) {
            throw new HostStartException("cannot start the workers: " + LoadProblemExplainer.describe(e), e);
        }
        started.forEach(registry::markStarted);
        polling = true;
    }

    private static String brokenMessage(List<PluginDescriptor> broken) {
        return "refusing to start (host.on-plugin-failure = fail), broken plugins:\n"
                + broken.stream().map(descriptor -> "  " + descriptor.problem()).collect(Collectors.joining("\n"));
    }

    @Override
    public PluginRegistry registry() {
        return registry;
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
        return polling;
    }

    /** The connection the workers use; tests start and inspect workflows with it. */
    public WorkflowClient client() {
        return client;
    }

    /** Starts workflows by type name, like a plugin's {@code context.workflows()}. */
    public WorkflowStarter workflows() {
        return workflows;
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
        polling = false;
        if (workers != null) {
            workers.drain(settings.shutdownTimeout());
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            LoadedPlugin plugin = started.get(i).plugin().orElseThrow();
            try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
                plugin.module().close();
            } catch (Exception | LinkageError e) {
                LOG.warn("plugin {} failed to close: {}", plugin.name(), LoadProblemExplainer.describe(e));
            }
        }
        started.clear();
        dataSources.close();
        if (client != null) {
            client.getWorkflowServiceStubs().shutdown();
        }
        if (embeddedServer != null) {
            embeddedServer.close();
        }
        admin.ifPresent(AdminServer::close);
        metrics.close();
        LOG.info("worker-host stopped");
    }
}
