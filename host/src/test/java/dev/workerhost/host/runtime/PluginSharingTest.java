package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.OfflinePlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin shares with the host, what is its own, and what the host says about the jars it brings. */
class PluginSharingTest {

    @TempDir
    Path home;

    private PluginRegistry load(Path plugins) {
        return OfflinePlugins.install(home, plugins, Map.of());
    }

    @Test
    void aPluginSeesTheSharedPackagesOfTheHostButNotItsOtherLibraries() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");

        LoadedPlugin alpha = load(plugins).registered().get(0).plugin().orElseThrow();

        ClassLoader loader = alpha.loader();
        for (String shared : new String[] {"dev.workerhost.spi.WorkflowModule", "io.temporal.workflow.Workflow",
                "com.google.protobuf.ByteString", "io.grpc.Metadata", "io.grpc.StatusRuntimeException",
                "com.fasterxml.jackson.databind.ObjectMapper", "org.postgresql.copy.CopyManager", "org.h2.Driver"}) {
            assertThat(loader.loadClass(shared)).as(shared).isSameAs(Class.forName(shared));
        }
        assertThat(loader.loadClass("javax.sql.DataSource")).isSameAs(javax.sql.DataSource.class);
        assertThat(loader.loadClass("fixture.lib.Greeter").getClassLoader()).isSameAs(loader);
        for (String hostOnly : new String[] {"com.zaxxer.hikari.HikariDataSource", "picocli.CommandLine",
                "com.google.common.base.Preconditions", "javax.annotation.Nonnull"}) {
            assertThatThrownBy(() -> loader.loadClass(hostOnly)).as(hostOnly)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(loader.getResource("logback.xml")).isNull();
        assertThat(loader.getResource("reference.conf")).isNull();
    }

    @Test
    void aBundledCopyOfASharedPackageIsShadowedAndWarnedAboutNamingTheJar() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Path alpha = Fixtures.greeterFolder(plugins, "alpha", greeter("alpha"), "v1");
        Path temporalSdk = Fixtures.bundleTemporalSdk(alpha);

        PluginRegistry registry = load(plugins);

        PluginDescriptor descriptor = OfflinePlugins.descriptor(registry, "alpha");
        assertThat(descriptor.state()).isEqualTo(PluginState.LOADED);
        assertThat(descriptor.warnings()).containsExactly(temporalSdk.getFileName() + " bundles io.temporal, which "
                + "the host shares: the host's classes are loaded and these are shadowed; mark the dependency "
                + "provided so the plugin's folder leaves it out");
        ClassLoader loader = registry.registered().get(0).plugin().orElseThrow().loader();
        assertThat(loader.loadClass("io.temporal.workflow.Workflow")).isSameAs(io.temporal.workflow.Workflow.class);
    }

    @Test
    void aFileThatIsNotAZipIsReportedAsSuch() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Files.writeString(plugins.resolve("bad.jar"), "not a jar at all");

        PluginDescriptor bad = OfflinePlugins.descriptor(load(plugins), "bad.jar");

        assertThat(bad.state()).isEqualTo(PluginState.FAILED);
        assertThat(bad.cause()).startsWith("bad.jar is not a jar (zip) file (").endsWith(
                "): rebuild it, or remove it from the plugins folder");
    }
}
