package dev.workerhost.host.runtime;

import static dev.workerhost.host.runtime.PluginChangeLog.event;
import static dev.workerhost.host.runtime.PluginChangeLog.upgradeEvent;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.config.PluginFailurePolicy;
import dev.workerhost.host.datasource.DataSourceProvider;
import dev.workerhost.host.loading.LoadProblemExplainer;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.loading.PluginSource;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginEvent.Change;
import dev.workerhost.host.registry.PluginHistory;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.temporal.TemporalWorkflowStarter;
import dev.workerhost.host.workers.WorkerManager;
import dev.workerhost.host.workers.WorkerVersioning;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins of a host from installation to close: installed with the host's rules ({@link PluginInstaller}),
 * refused or skipped when broken (the failure policy), connected to Temporal, started one by one before any worker
 * polls, served by workers of their own (one {@link WorkerManager} per plugin), then drained and closed in reverse
 * order. While the host runs, plugins come, go and are upgraded one at a time ({@link #apply}), each change
 * reported through {@link PluginChangeLog}. The host runs its plugins through this class, and so does the test kit,
 * so a plugin under test goes through exactly what it meets in production; what the process around it provides
 * (configuration, datasources, the Temporal connection, meters) is passed in.
 */
public final class PluginLifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLifecycle.class);

    private final Config config;
    private final HostSettings settings;
    private final MeterRegistry meters;
    private final PluginRegistry registry;
    private final PluginInstaller installer;
    private final LateTemporal temporal;
    private final PluginChangeLog changes;
    /** The plugins whose start ran, by location, in start order: each with its own workers. */
    private final Map<Path, Running> running = new LinkedHashMap<>();
    /** Removed plugins still finishing their running activities. */
    private final Set<Thread> draining = ConcurrentHashMap.newKeySet();
    private WorkflowClient client;
    private WorkerVersioning versioning = WorkerVersioning.off();
    private WorkflowStarter workflows;
    private volatile boolean polling;

    /** A started plugin and its workers, which poll once the host's start is through. */
    private record Running(LoadedPlugin plugin, WorkerManager workers) {
    }

    private PluginLifecycle(Config config, HostSettings settings, MeterRegistry meters, PluginRegistry registry,
            PluginInstaller installer, LateTemporal temporal) {
        this.config = config;
        this.settings = settings;
        this.meters = meters;
        this.registry = registry;
        this.installer = installer;
        this.temporal = temporal;
        this.changes = new PluginChangeLog(meters);
    }

    /**
     * Loads, registers and admits the plugins at {@code sources} together; none of them runs yet.
     *
     * @param meters where plugins register their meters (each through a view tagged with its name) and where the
     *     host times each plugin's start
     */
    public static PluginLifecycle install(Config config, HostSettings settings, List<PluginSource> sources,
            DataSourceProvider dataSources, MeterRegistry meters) {
        LateTemporal temporal = new LateTemporal();
        PluginRegistry registry = new PluginRegistry();
        PluginInstaller installer = new PluginInstaller(config, dataSources, meters, temporal);
        installer.install(sources, registry);
        return new PluginLifecycle(config, settings, meters, registry, installer, temporal);
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** What happened to each plugin since the host started. */
    public PluginHistory history() {
        return changes.history();
    }

    /**
     * Under {@code fail}, refuses to go on naming every broken plugin; under {@code skip}, logs each once. Either
     * way the stack trace behind each is logged at DEBUG.
     */
    public void refuseBroken() throws HostStartException {
        refuseBroken(registry.entries());
    }

    /**
     * Hands plugins the Temporal connection, starts each registered plugin (migrations, seed data, long-running
     * workflows: before any worker polls), then the workers, and logs one line per plugin. The workers run as Worker
     * Deployment versions as {@code versioning} says; a plugin it refuses (one without a version) is FAILED before
     * its {@code start}.
     *
     * @throws HostStartException if a plugin's start fails or outlasts {@code host.plugin-start-timeout} under
     *     {@code fail}, or the workers cannot start
     * @throws InterruptedException if the thread is interrupted (the host stopped) while a plugin starts; that
     *     plugin's start is interrupted too and not waited for
     */
    public synchronized void start(WorkflowClient client, WorkerVersioning versioning)
            throws HostStartException, InterruptedException {
        this.client = client;
        this.versioning = versioning;
        workflows = new TemporalWorkflowStarter(client, registry);
        temporal.connect(client, workflows);
        startPlugins();
        startWorkers(List.copyOf(running.keySet()));
        polling = true;
        for (PluginEntry entry : registry.entries()) {
            if (entry.state() == PluginState.DISABLED) {
                LOG.info("{} (plugins.{}.enabled = false)", entry.descriptor().summary(), entry.name());
            } else if (entry.isRegistered()) {
                LOG.info(entry.descriptor().summary());
                entry.descriptor().warnings().forEach(warning -> LOG.warn("plugin {}: {}", entry.name(), warning));
                changes.record(event(entry, Change.STARTED, null));
            } else {
                changes.record(event(entry, Change.FAILED, entry.descriptor().cause()));
            }
        }
    }

    /** Starts workflows by type name, like a plugin's {@code context.workflows()}; null before {@link #start}. */
    public WorkflowStarter workflows() {
        return workflows;
    }

    /** True while the workers poll: false before they start and from the moment they drain. */
    public boolean workersPolling() {
        return polling;
    }

    /**
     * True while workers poll {@code taskQueue}: its plugin is started and the host neither starting nor stopping.
     * A plugin is STARTED from the moment its workers poll until they stop.
     */
    public boolean polling(String taskQueue) {
        return polling && registry.registered().stream()
                .anyMatch(entry -> entry.state() == PluginState.STARTED
                        && entry.queues().stream().anyMatch(queue -> queue.taskQueue().equals(taskQueue)));
    }

    /**
     * Brings the running plugins in step with their files: the plugins at {@code present} are new or changed, those
     * at {@code gone} were taken away. A candidate named like a running plugin at its own location or at a gone one
     * is that plugin's new version ({@link #upgrade}); other gone plugins are removed; the remaining candidates are
     * admitted together, checked as at start (ownership against the running plugins), and started. A plugin that
     * fails a check is reported and changes nothing that runs.
     *
     * @return what happened, one event per plugin concerned
     */
    public synchronized List<PluginEvent> apply(List<PluginSource> present, List<Path> gone) {
        if (!polling) {
            // Not started yet, or closed: the folder is read again at the next start.
            return List.of();
        }
        List<PluginEvent> events = new ArrayList<>();
        Set<Path> removals = new LinkedHashSet<>(gone);
        Map<PluginEntry, PluginEntry> upgrades = new LinkedHashMap<>();
        List<PluginEntry> newcomers = new ArrayList<>();
        for (PluginSource source : present) {
            PluginEntry candidate = installer.declare(source);
            Optional<PluginEntry> predecessor = predecessor(candidate, gone);
            if (predecessor.isPresent()) {
                removals.remove(predecessor.get().location());
                upgrades.put(predecessor.get(), candidate);
            } else {
                // Another plugin now lies where one ran: the one that ran is gone.
                registry.entry(source.location()).ifPresent(replaced -> removals.add(replaced.location()));
                newcomers.add(candidate);
            }
        }
        removals.forEach(location -> remove(location).ifPresent(events::add));
        upgrades.forEach((predecessor, candidate) -> events.add(upgrade(predecessor, candidate)));
        for (PluginEntry entry : registry.admit(newcomers)) {
            if (entry.isRegistered()) {
                events.add(startLive(entry));
            } else {
                entry.plugin().ifPresent(plugin -> plugin.loader().closeQuietly());
                if (entry.state() == PluginState.FAILED) {
                    entry.error().ifPresent(error -> LOG.debug(entry.descriptor().problem(), error));
                    events.add(changes.report(event(entry, Change.FAILED, entry.descriptor().cause())));
                }
            }
        }
        return events;
    }

    /** The registered plugin {@code candidate} replaces: of its name, at its location or at one that is gone. */
    private Optional<PluginEntry> predecessor(PluginEntry candidate, List<Path> gone) {
        Optional<PluginEntry> inPlace = registry.entry(candidate.location()).filter(PluginEntry::isRegistered);
        if (candidate.plugin().isEmpty()) {
            return inPlace;
        }
        return registry.registered().stream()
                .filter(entry -> entry.name().equals(candidate.name()))
                .filter(entry -> entry.location().equals(candidate.location()) || gone.contains(entry.location()))
                .findFirst();
    }

    /**
     * A new version takes the place of a running plugin: it is checked (it loads, registers, claims no name another
     * plugin owns, and replays every open workflow of the old version's types: {@link UpgradeGuard}), started with
     * workers of its own, and then the old version stops polling and drains. If any of that fails, the old version
     * keeps running as it was.
     */
    private PluginEvent upgrade(PluginEntry predecessor, PluginEntry candidate) {
        Optional<String> refusal = candidate.isRegistered()
                ? registry.refusal(predecessor, candidate).or(() -> versioningRefusal(candidate))
                : Optional.of(candidate.descriptor().cause());
        if (refusal.isPresent()) {
            candidate.plugin().ifPresent(plugin -> plugin.loader().closeQuietly());
            return changes.report(upgradeEvent(predecessor, candidate, Change.UPGRADE_REFUSED, refusal.get()));
        }
        Running upgraded = new Running(candidate.plugin().orElseThrow(), workersOf(candidate));
        Optional<String> unsafe = new UpgradeGuard(client).refusal(predecessor, candidate, upgraded.workers());
        if (unsafe.isPresent()) {
            upgraded.workers().drain(Duration.ZERO);
            upgraded.plugin().loader().closeQuietly();
            return changes.report(upgradeEvent(predecessor, candidate, Change.UPGRADE_REFUSED, unsafe.get()));
        }
        Optional<String> failure = startRunning(candidate, upgraded);
        if (failure.isPresent()) {
            return changes.report(upgradeEvent(predecessor, candidate, Change.UPGRADE_REFUSED, failure.get()));
        }
        registry.replace(predecessor, candidate);
        Running old = running.remove(predecessor.location());
        running.put(candidate.location(), upgraded);
        if (old != null) {
            drainInBackground(old);
        }
        LOG.info(registry.entry(candidate.location()).orElseThrow().descriptor().summary());
        return changes.report(upgradeEvent(predecessor, candidate, Change.UPGRADED, null));
    }

    /** Starts a plugin admitted while the host runs: its {@code start}, then its workers. */
    private PluginEvent startLive(PluginEntry entry) {
        Optional<String> refusal = versioningRefusal(entry);
        if (refusal.isPresent()) {
            entry.plugin().orElseThrow().loader().closeQuietly();
            return changes.report(event(registry.markFailed(entry, refusal.get(), null), Change.FAILED, refusal.get()));
        }
        Running plugin = new Running(entry.plugin().orElseThrow(), workersOf(entry));
        Optional<String> failure = startRunning(entry, plugin);
        if (failure.isPresent()) {
            return changes.report(event(registry.markFailed(entry, failure.get(), null), Change.FAILED, failure.get()));
        }
        running.put(entry.location(), plugin);
        registry.markStarted(entry);
        LOG.info(registry.entry(entry.location()).orElseThrow().descriptor().summary());
        return changes.report(event(entry, Change.ADDED, null));
    }

    /**
     * Runs a plugin's {@code start} (bounded) and starts its workers; on a failure, undoes what ran and closes its
     * class loader.
     *
     * @return why it could not start
     */
    private Optional<String> startRunning(PluginEntry entry, Running plugin) {
        try {
            meters.timer("worker.host.plugin.start", "plugin", entry.name())
                    .record(PluginStart.run(entry, settings.pluginStartTimeout()));
        } catch (PluginStart.PluginStartException e) {
            LOG.debug(e.getMessage(), e.getCause());
            plugin.plugin().loader().closeQuietly();
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            plugin.plugin().loader().closeQuietly();
            return Optional.of("start interrupted: the host is stopping");
        }
        try {
            plugin.workers().start();
            return Optional.empty();
        } catch (Exception e) {
            LOG.debug("workers of plugin " + entry.name(), e);
            plugin.workers().drain(Duration.ZERO);
            unload(plugin.plugin());
            return Optional.of("cannot start its workers: " + LoadProblemExplainer.describe(e));
        }
    }

    /**
     * Takes the plugin at {@code location} out while the others run: its workers stop polling at once and its names
     * are released; on a thread of its own, its running activities get {@code host.shutdown-timeout} to finish,
     * then the plugin is closed and so is its class loader.
     *
     * @return the removal, if a plugin was known there
     */
    public synchronized Optional<PluginEvent> remove(Path location) {
        Optional<PluginEntry> removed = registry.remove(location);
        Running plugin = running.remove(location);
        if (plugin == null) {
            removed.flatMap(PluginEntry::plugin).ifPresent(loaded -> loaded.loader().closeQuietly());
        } else {
            drainInBackground(plugin);
        }
        return removed.map(entry -> changes.report(event(entry, Change.REMOVED, plugin == null ? null
                : "stopped polling; running activities get up to " + settings.shutdownTimeout().toSeconds()
                        + " s (host.shutdown-timeout)")));
    }

    /** Stops the plugin's workers polling now, and on a thread of its own drains them and unloads the plugin. */
    private void drainInBackground(Running plugin) {
        plugin.workers().stopPolling();
        Thread drain = new Thread(() -> {
            try {
                plugin.workers().awaitDrained(Instant.now().plus(settings.shutdownTimeout()));
                unload(plugin.plugin());
                LOG.info("plugin {} {} drained and unloaded", plugin.plugin().name(), plugin.plugin().version());
            } finally {
                draining.remove(Thread.currentThread());
            }
        }, "plugin-drain-" + plugin.plugin().name());
        drain.setDaemon(true);
        draining.add(drain);
        drain.start();
    }


    private void refuseBroken(List<PluginEntry> entries) throws HostStartException {
        List<PluginEntry> broken = entries.stream().filter(entry -> entry.descriptor().isBroken()).toList();
        broken.forEach(entry -> entry.error().ifPresent(error -> LOG.debug(entry.descriptor().problem(), error)));
        if (broken.isEmpty() || settings.onPluginFailure() == PluginFailurePolicy.SKIP) {
            broken.forEach(entry -> LOG.warn("skipping {}", entry.descriptor().problem()));
            return;
        }
        throw new HostStartException(brokenMessage(broken.stream().map(PluginEntry::descriptor).toList()));
    }

    private void startPlugins() throws HostStartException, InterruptedException {
        for (PluginEntry entry : registry.registered()) {
            Optional<String> refusal = versioningRefusal(entry);
            if (refusal.isPresent()) {
                fail(entry, refusal.get(), null);
                continue;
            }
            try {
                Duration took = PluginStart.run(entry, settings.pluginStartTimeout());
                meters.timer("worker.host.plugin.start", "plugin", entry.name()).record(took);
                running.put(entry.location(), new Running(entry.plugin().orElseThrow(), workersOf(entry)));
            } catch (PluginStart.PluginStartException e) {
                fail(entry, e.getMessage(), e.getCause());
            }
        }
    }

    /** Marks a plugin that cannot start FAILED and releases it; the failure policy decides whether the host goes on. */
    private void fail(PluginEntry entry, String cause, Throwable error) throws HostStartException {
        PluginEntry failed = registry.markFailed(entry, cause, error);
        entry.plugin().orElseThrow().loader().closeQuietly();
        refuseBroken(List.of(failed));
    }

    private Optional<String> versioningRefusal(PluginEntry entry) {
        return versioning.refusal(entry.name(), entry.plugin().orElseThrow().version());
    }

    private WorkerManager workersOf(PluginEntry entry) {
        return new WorkerManager(client, entry.queues(), config,
                versioning.versionOf(entry.name(), entry.plugin().orElseThrow().version()), queuesServed());
    }

    /** The task queues of the registered plugins, which share the host's poll threads out (PollerShare). */
    private int queuesServed() {
        return registry.queues().size();
    }

    /**
     * Starts the workers of the plugins at {@code locations}, several plugins at once (a factory's start waits on
     * Temporal); each plugin is STARTED as soon as its own poll.
     *
     * @throws HostStartException for the first plugin, in start order, whose workers could not start
     */
    private void startWorkers(List<Path> locations) throws HostStartException, InterruptedException {
        List<Optional<HostStartException>> failures = InParallel.map("workers-start", locations, location -> {
            PluginEntry entry = registry.entry(location).orElseThrow();
            try {
                running.get(location).workers().start();
            } catch (Exception e) {
                return Optional.of(new HostStartException("cannot start the workers of plugin " + entry.name()
                        + ": " + LoadProblemExplainer.describe(e), e));
            }
            registry.markStarted(entry);
            return Optional.empty();
        });
        for (Optional<HostStartException> failure : failures) {
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
    }

    private static String brokenMessage(List<PluginDescriptor> broken) {
        return "refusing to start (host.on-plugin-failure = fail), broken plugins:\n"
                + broken.stream().map(descriptor -> "  " + descriptor.problem()).collect(Collectors.joining("\n"));
    }

    /**
     * Drains the workers within {@code host.shutdown-timeout}, then closes the started plugins in reverse order and
     * the class loaders of every registered plugin.
     */
    @Override
    public synchronized void close() {
        polling = false;
        Instant deadline = Instant.now().plus(settings.shutdownTimeout());
        running.values().forEach(plugin -> plugin.workers().stopPolling());
        running.values().forEach(plugin -> plugin.workers().awaitDrained(deadline));
        List<Running> inStartOrder = new ArrayList<>(running.values());
        for (int i = inStartOrder.size() - 1; i >= 0; i--) {
            unload(inStartOrder.get(i).plugin());
        }
        running.clear();
        registry.registered().forEach(entry -> entry.plugin().ifPresent(plugin -> plugin.loader().closeQuietly()));
        awaitRemovals(deadline);
    }

    private void awaitRemovals(Instant deadline) {
        for (Thread drain : List.copyOf(draining)) {
            try {
                drain.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Calls the plugin's {@code close} (its workers have drained), then closes its class loader. */
    private static void unload(LoadedPlugin plugin) {
        try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
            plugin.module().close();
        } catch (Exception | LinkageError e) {
            LOG.warn("plugin {} failed to close: {}", plugin.name(), LoadProblemExplainer.describe(e));
        }
        plugin.loader().closeQuietly();
    }
}
