package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.testing.FixturePluginBuilder;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.OfflinePlugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Installing plugins offline: isolation, and every way a plugin is refused. */
class PluginInstallerTest {

    @TempDir
    Path home;

    private PluginRegistry load(Path pluginsDir, Map<String, String> overrides) {
        return OfflinePlugins.install(home, pluginsDir, overrides);
    }

    private PluginRegistry load(Path pluginsDir) {
        return load(pluginsDir, Map.of());
    }

    private static PluginDescriptor only(PluginRegistry registry, String name) {
        return OfflinePlugins.descriptor(registry, name);
    }

    @Test
    void loadsAPluginFromOneJar() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");

        PluginRegistry registry = load(plugins);

        PluginDescriptor alpha = only(registry, "alpha");
        assertThat(alpha.state()).isEqualTo(PluginState.LOADED);
        assertThat(alpha.version()).isEqualTo("1.0-alpha");
        assertThat(alpha.location()).endsWith("alpha.jar");
        assertThat(alpha.spiVersion()).isEqualTo(2);
        assertThat(alpha.taskQueues()).containsExactly("alpha-queue");
        assertThat(alpha.workflowTypes()).containsExactly("Greet-alpha");
        assertThat(alpha.activityTypes()).containsExactly("alpha-Greet");
        assertThat(registry.workflow("Greet-alpha").orElseThrow().inputType().orElseThrow().getName())
                .isEqualTo("fixture.greeter.GreetingInput");
    }

    @Test
    void loadsAPluginFromAFolderOfJars() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterFolder(plugins, "beta", greeter("beta"), "v2");

        PluginRegistry registry = load(plugins);

        assertThat(only(registry, "beta").state()).isEqualTo(PluginState.LOADED);
        assertThat(only(registry, "beta").location()).endsWith("beta");
    }

    @Test
    void aPluginClassSurvivesManyReflectiveConstructions() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
        Class<?> module = load(plugins).registered().get(0).plugin().orElseThrow().module().getClass();

        // Past the JVM's inflation threshold (15) reflection generates accessor classes whose loader delegates to
        // the plugin's: they need the JDK's internal classes through it, as Jackson decoding inputs does.
        for (int i = 0; i < 100; i++) {
            assertThat(module.getConstructor().newInstance()).isNotNull();
        }
    }

    @Test
    void refusesAJarWithoutAWorkflowModule() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        FixturePluginBuilder.jar(plugins.resolve("just-a-library.jar"), null,
                FixturePluginBuilder.classes("lib-v1", Map.of()));

        assertRefused(load(plugins), "just-a-library.jar", "no WorkflowModule inside");
    }

    @Test
    void refusesAServiceEntryNamingAMissingClass() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "missing-class.jar", "fixture.broken.DoesNotExist");

        assertRefused(load(plugins), "missing-class.jar", "fixture.broken.DoesNotExist");
        assertRefused(load(plugins), "missing-class.jar", "names a class that is not in the plugin");
    }

    @Test
    void refusesAModuleWithoutAPublicNoArgumentConstructor() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "no-constructor.jar", "fixture.broken.NoConstructorModule");

        assertRefused(load(plugins), "no-constructor.jar", "needs a public no-argument constructor");
    }

    @Test
    void refusesAModuleWhoseStaticInitializerFails() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "failing-init.jar", "fixture.broken.FailingInitModule");

        assertRefused(load(plugins), "failing-init.jar", "static initializer failed");
        assertRefused(load(plugins), "failing-init.jar", "static init failure on purpose");
    }

    @Test
    void refusesAModuleWhoseRegisterThrows() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "throwing-register.jar", "fixture.broken.ThrowingRegisterModule");

        assertRefused(load(plugins), "throwing-register.jar", "register exploded on purpose");
    }

    /** SPI 2 broke what plugins built against SPI 1 call, so 1 is refused as 99 is; each told what to do. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1  | was built against SPI 1, this host serves SPI 2: rebuild the plugin against SPI 2",
        "99 | was built against SPI 99, this host serves SPI 2: upgrade the host, or rebuild the plugin against SPI 2"
    })
    void refusesAPluginBuiltAgainstAnSpiTheHostDoesNotServe(String spiVersion, String cause) throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "other-spi.jar", greeter("other", "other-queue", "Greet-other", spiVersion), "v1");

        assertRefused(load(plugins), "other-spi.jar", cause);
    }

    @Test
    void refusesAJarHoldingTwoModules() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        FixturePluginBuilder.jar(plugins.resolve("two-modules.jar"),
                "fixture.broken.ThrowingRegisterModule\nfixture.broken.ThrowingStartModule",
                FixturePluginBuilder.classes("broken", Map.of()));

        assertRefused(load(plugins), "two-modules.jar", "holds 2 WorkflowModules (fixture.broken.ThrowingRegisterModule, "
                + "fixture.broken.ThrowingStartModule): a plugin is one module");
    }

    @Test
    void anInvalidPluginConfigurationIsRecordedUnderThePluginsName() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Path config = Files.createDirectories(home.resolve("alpha-config"));
        Files.writeString(config.resolve("reference.conf"), "plugins.alpha.greeting = ${no-such-key}\n");
        Path library = FixturePluginBuilder.classes("lib-v1", Map.of());
        FixturePluginBuilder.jar(plugins.resolve("alpha.jar"), Fixtures.GREETER_MODULE,
                FixturePluginBuilder.classes("greeter", greeter("alpha"), library), library, config);

        PluginDescriptor alpha = only(load(plugins), "alpha");

        assertThat(alpha.state()).isEqualTo(PluginState.FAILED);
        assertThat(alpha.version()).isEqualTo("1.0-alpha");
        assertThat(alpha.cause()).startsWith("invalid configuration: ").contains("no-such-key");
    }

    @Test
    void theClassLoaderOfARefusedPluginIsClosed() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "broken.jar", "fixture.broken.ThrowingRegisterModule");

        PluginEntry broken = load(plugins).entries().get(0);

        assertThat(broken.state()).isEqualTo(PluginState.FAILED);
        ClassLoader loader = broken.plugin().orElseThrow().loader();
        assertThat(loader.getResource("fixture/broken/ThrowingStartModule.class")).as("closed: finds nothing").isNull();
    }

    @Test
    void aPluginTurnedOffInTheConfigurationIsDisabledAndNotRegistered() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");

        PluginRegistry registry = load(plugins, Map.of("plugins.alpha.enabled", "false"));

        assertThat(only(registry, "alpha").state()).isEqualTo(PluginState.DISABLED);
        assertThat(registry.workflowTypes()).isEmpty();
        assertThat(registry.queues()).isEmpty();
    }

    @Test
    void aBrokenPluginDoesNotStopTheOthersFromLoading() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
        Fixtures.brokenJar(plugins, "broken.jar", "fixture.broken.ThrowingRegisterModule");

        PluginRegistry registry = load(plugins);

        assertThat(registry.descriptors()).extracting(PluginDescriptor::state)
                .containsExactlyInAnyOrder(PluginState.LOADED, PluginState.FAILED);
        assertThat(registry.workflowTypes()).containsExactly("Greet-alpha");
    }

    private static void assertRefused(PluginRegistry registry, String jar, String cause) {
        List<PluginDescriptor> broken = registry.broken();
        assertThat(broken).as("broken plugins").isNotEmpty();
        assertThat(broken).anySatisfy(descriptor -> {
            assertThat(descriptor.state()).isEqualTo(PluginState.FAILED);
            assertThat(descriptor.problem()).contains(jar).contains(cause);
        });
    }
}
