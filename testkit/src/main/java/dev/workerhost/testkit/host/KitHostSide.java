package dev.workerhost.testkit.host;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostConfigLoader;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.datasource.DataSourceProvider;
import dev.workerhost.host.datasource.OfflineDataSources;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.loading.PluginSource;
import dev.workerhost.host.runtime.HostStartException;
import dev.workerhost.host.runtime.PluginLifecycle;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.workers.WorkerVersioning;
import dev.workerhost.spi.Json;
import dev.workerhost.testkit.PluginRefusedException;
import dev.workerhost.testkit.bridge.HostSide;
import dev.workerhost.testkit.bridge.PluginSetup;
import dev.workerhost.testkit.bridge.RecordedHistory;
import dev.workerhost.testkit.bridge.RunningHost;
import dev.workerhost.testkit.bridge.RunningServer;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The entry point of the host side; the test side loads it by name in the host side's class loader. */
public final class KitHostSide implements HostSide {

    @Override
    public RunningHost start(PluginSetup setup) {
        try (LoaderSwap swap = LoaderSwap.to(KitHostSide.class.getClassLoader())) {
            Path home = newHome(setup);
            Config config = config(home);
            PluginLifecycle plugins = install(setup, home, config, new GivenDataSources(setup.dataSources()));
            TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(serverOptions(setup));
            try {
                // The SDK's test server has no worker versioning.
                plugins.start(temporal.getWorkflowClient(), WorkerVersioning.off());
                return new PluginHost(plugins, temporal);
            } catch (HostStartException | InterruptedException | RuntimeException e) {
                plugins.close();
                temporal.close();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the plugin started", e);
                }
                throw e instanceof HostStartException ? new PluginRefusedException(e.getMessage())
                        : HostExceptionTranslator.translate((RuntimeException) e);
            }
        }
    }

    @Override
    public void replay(PluginSetup setup, List<RecordedHistory> histories) {
        try (LoaderSwap swap = LoaderSwap.to(KitHostSide.class.getClassLoader())) {
            Path home = newHome(setup);
            Config config = config(home);
            PluginLifecycle plugins = install(setup, home, config, new OfflineDataSources(config));
            TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance(serverOptions(setup));
            try {
                new HistoryReplay(plugins.registry(), temporal.getWorkflowClient(), config).replay(histories);
            } finally {
                plugins.close();
                temporal.close();
            }
        }
    }

    @Override
    public RunningServer startServer(int port) {
        try (LoaderSwap swap = LoaderSwap.to(KitHostSide.class.getClassLoader())) {
            // The host's embedded server: it cancels the workers' open long polls after a second when it stops,
            // where the SDK's port-bound server waits five.
            EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", port);
            return server::close;
        }
    }

    /**
     * Installs the plugin with the host's rules, under the host's failure policy.
     *
     * @throws PluginRefusedException with the host's message if the host would refuse to start with it
     */
    private static PluginLifecycle install(PluginSetup setup, Path home, Config config,
            DataSourceProvider dataSources) {
        PluginLifecycle plugins = PluginLifecycle.install(config, HostSettings.from(config, home),
                List.of(source(setup)), dataSources, setup.meters());
        try {
            plugins.refuseBroken();
            return plugins;
        } catch (HostStartException e) {
            plugins.close();
            throw new PluginRefusedException(e.getMessage());
        }
    }

    /**
     * A distribution home of the test's own, whose config/application.conf is the test's HOCON: the host reads it as
     * it reads an operator's, and no file or environment variable of the machine takes part.
     */
    private static Path newHome(PluginSetup setup) {
        try {
            Path home = Files.createTempDirectory("worker-host-test");
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config").resolve("application.conf"), setup.config());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test's configuration", e);
        }
    }

    /** The host's configuration as the host assembles it, with its checks. */
    private static Config config(Path home) {
        try {
            return new HostConfigLoader(home, Map.of(), new Properties()).load(Optional.empty(), Map.of());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid test configuration: " + e.getMessage());
        }
    }

    private static PluginSource source(PluginSetup setup) {
        if (setup.classPath().isEmpty()) {
            return PluginScanner.source(setup.location());
        }
        return new PluginSource(setup.location(), setup.classPath().stream().map(KitHostSide::url).toList());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot address " + path, e);
        }
    }

    private static TestEnvironmentOptions serverOptions(PluginSetup setup) {
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(Json.dataConverter())
                        .build());
        if (setup.target().isPresent()) {
            return options.setUseExternalService(true).setTarget(setup.target().get()).setUseTimeskipping(false)
                    .build();
        }
        return options.setUseTimeskipping(setup.timeSkipping()).build();
    }
}
