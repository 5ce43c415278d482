package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeterUsingDataSource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.HotSpotDiagnosticMXBean;
import com.typesafe.config.Config;
import dev.workerhost.host.loading.PluginClassLoader;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginEvent.Change;
import dev.workerhost.host.testing.Await;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartedWorkflow;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plugins come and go without leaking: a plugin that asks for a datasource in {@code register} is loaded, serves a
 * workflow, is upgraded, serves one on the new version and is removed, {@value #CYCLES} times over in one running
 * host on the embedded server (each change through the folder's rescan, the path of {@code POST /plugins/reload}
 * and the folder watch), after which every class loader those versions had is collected and the JVM's loaded
 * classes, metaspace and live threads are within a small margin of where they were after {@value #WARM_UP_CYCLES}
 * such cycles (the first ones load, once, what any plugin's use loads, and let the JIT and the gRPC and server
 * pools reach their working size).
 *
 * <p>A failsafe test (run with {@code -Pe2e}): it measures the whole JVM, so it runs in one of its own. When loaders
 * stay, it writes a heap dump to {@code target/}: a heap tool's paths from the GC roots to the
 * {@code PluginClassLoader} instances show what holds them.
 */
class PluginUnloadingIT {

    private static final int CYCLES = 50;
    private static final int WARM_UP_CYCLES = 10;
    /**
     * Classes the JVM may have gained without leaking: reflection accessors and lambda forms it generates once a
     * call site is warm. A leaked version of the fixture plugin keeps about 14 classes, 1,400 over the test.
     */
    private static final int CLASS_MARGIN = 300;
    /**
     * Metaspace the JVM may have gained without leaking: the JIT's profiles of the host's methods, which grew the
     * host's metaspace by 2 to 4 MiB over the 50 cycles without a class more (measured). A leaked version of the
     * fixture plugin keeps about 120 KiB, 12 MiB over the test.
     */
    private static final long METASPACE_MARGIN = 6L << 20;
    /** Idle threads of gRPC's executor, which served the polls of versions gone and end after a minute unused. */
    private static final int THREAD_MARGIN = 4;
    /** Long enough for idle gRPC executor threads to end (60 s unused), should more than the margin be left. */
    private static final Duration POOLS_IDLE = Duration.ofSeconds(75);
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String MODULE_CLASS = Fixtures.GREETER_MODULE.replace('.', '/') + ".class";

    private Path home;
    private Path plugins;
    private Host host;

    @BeforeEach
    void startHost() throws Exception {
        home = Files.createTempDirectory("worker-host-unloading");
        plugins = Fixtures.emptyPluginsDir(home);
        Config config = TestConfigs.embeddedHost(home, plugins, Map.of("host.plugins.watch", "false",
                "datasources.greetings.url", "jdbc:h2:mem:greetings"));
        host = Host.start(config, TestConfigs.settings(config, home));
    }

    @AfterEach
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void loadUpgradeRemoveCyclesLeaveNoClassLoaderClassOrThreadBehind() throws Exception {
        awaitCollected(cycles(WARM_UP_CYCLES));
        Level before = Level.now();

        Instant started = Instant.now();
        List<WeakReference<PluginClassLoader>> loaders = cycles(CYCLES);
        Duration took = Duration.between(started, Instant.now());
        awaitCollected(loaders);
        Level after = Level.awaitWithin(before, POOLS_IDLE);

        System.out.printf("%d load-upgrade-remove cycles in %d s: %d of %d class loaders collected; before: %s;"
                + " after: %s%n", CYCLES, took.toSeconds(), loaders.size(), loaders.size(), before, after);
        assertThat(after.classes() - before.classes()).as("classes gained").isLessThanOrEqualTo(CLASS_MARGIN);
        assertThat(after.metaspace() - before.metaspace()).as("metaspace gained (bytes)")
                .isLessThanOrEqualTo(METASPACE_MARGIN);
        assertThat(after.threads() - before.threads()).as("threads gained").isLessThanOrEqualTo(THREAD_MARGIN);
    }

    private List<WeakReference<PluginClassLoader>> cycles(int count) throws Exception {
        List<WeakReference<PluginClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            loaders.addAll(cycle());
        }
        return loaders;
    }

    /**
     * Loads the plugin, runs its workflow, upgrades it, runs the workflow on the new version, removes it. Each
     * workflow starts once the version before has drained and been unloaded, so that the test sees what unloading
     * leaves behind, not what a version still draining holds.
     *
     * @return the class loaders of the two versions
     */
    private List<WeakReference<PluginClassLoader>> cycle() throws Exception {
        Path jar = Fixtures.greeterJar(plugins, "cycled.jar", greeterUsingDataSource("cycled", "greetings"), "v1");
        assertThat(reload()).isEqualTo(Change.ADDED);
        WeakReference<PluginClassLoader> first = loaderAt(jar);
        assertThat(greet()).isEqualTo("v1: hello Ada");

        Path next = Fixtures.greeterJar(home, "cycled-next.jar", greeterUsingDataSource("cycled", "greetings"), "v2");
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING);
        assertThat(reload()).isEqualTo(Change.UPGRADED);
        WeakReference<PluginClassLoader> second = loaderAt(jar);
        awaitUnloaded(first);
        assertThat(greet()).isEqualTo("v2: hi Ada");

        Files.delete(jar);
        assertThat(reload()).isEqualTo(Change.REMOVED);
        awaitUnloaded(second);
        return List.of(first, second);
    }

    private Change reload() {
        List<PluginEvent> events = host.reloadPlugins().orElseThrow();
        assertThat(events).hasSize(1);
        return events.get(0).change();
    }

    private WeakReference<PluginClassLoader> loaderAt(Path jar) {
        return new WeakReference<>(host.registry().entry(jar).flatMap(PluginEntry::plugin).orElseThrow().loader());
    }

    /** A version is unloaded once its class loader is closed (it then finds no class) or already collected. */
    private static void awaitUnloaded(WeakReference<PluginClassLoader> loader) throws InterruptedException {
        Await.until("the version before drains and is unloaded", SOON, () -> Optional.ofNullable(loader.get())
                .map(open -> open.findResource(MODULE_CLASS) == null).orElse(true));
    }

    private String greet() throws TimeoutException {
        Class<?> inputType = host.registry().workflow(Fixtures.workflowType("cycled")).orElseThrow()
                .inputType().orElseThrow();
        StartedWorkflow started = host.workflows().start(Fixtures.workflowType("cycled"),
                Json.copy().convertValue(Map.of("name", "Ada"), inputType));
        return host.client().newUntypedWorkflowStub(started.workflowId(), Optional.of(started.runId()),
                Optional.empty()).getResult(SOON.toSeconds(), TimeUnit.SECONDS, JsonNode.class)
                .get("greeting").asText();
    }

    /**
     * Waits, collecting garbage, until every loader is collected; if some stay, dumps the heap and fails naming the
     * file.
     */
    private static void awaitCollected(List<WeakReference<PluginClassLoader>> loaders) throws Exception {
        Instant deadline = Instant.now().plus(SOON);
        while (loaders.stream().anyMatch(loader -> loader.get() != null)) {
            if (Instant.now().isAfter(deadline)) {
                long kept = loaders.stream().filter(loader -> loader.get() != null).count();
                Path dump = Path.of("target", "plugin-unloading-" + Instant.now().toEpochMilli() + ".hprof")
                        .toAbsolutePath();
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
                throw new AssertionError(kept + " of " + loaders.size() + " class loaders of unloaded plugin versions"
                        + " were not collected within " + SOON + "; heap dump: " + dump);
            }
            System.gc();
            Thread.sleep(100);
        }
    }

    /** What plugins could leave behind in the JVM: loaded classes, metaspace used (bytes) and live threads. */
    private record Level(int classes, long metaspace, int threads) {

        static Level now() {
            System.gc();
            return new Level(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(), metaspaceUsed(),
                    ManagementFactory.getThreadMXBean().getThreadCount());
        }

        /** The level once it is within the margins of {@code before}, or as it is when {@code timeout} is up. */
        static Level awaitWithin(Level before, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            Level now = now();
            while (!now.isWithinMarginsOf(before) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                now = now();
            }
            return now;
        }

        boolean isWithinMarginsOf(Level before) {
            return classes - before.classes <= CLASS_MARGIN && metaspace - before.metaspace <= METASPACE_MARGIN
                    && threads - before.threads <= THREAD_MARGIN;
        }

        private static long metaspaceUsed() {
            return ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getName().equals("Metaspace"))
                    .mapToLong(pool -> pool.getUsage().getUsed())
                    .findFirst().orElseThrow();
        }

        @Override
        public String toString() {
            return classes + " classes, " + metaspace / 1024 + " KiB metaspace, " + threads + " threads";
        }
    }
}
