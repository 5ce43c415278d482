package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import dev.workerhost.host.datasource.OfflineDataSources;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.OfflinePlugins;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Who owns a name: a plugin name, task queue, workflow type or activity type claimed by two plugins is refused to
 * every claimant, whatever their file names (the impostors' names sort before and after the owner's), and the
 * plugins that claim nothing contested are registered.
 */
class PluginOwnershipTest {

    @TempDir
    Path home;

    private PluginRegistry load(Path plugins) {
        return OfflinePlugins.install(home, plugins, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-zoo.jar", "zz-zoo.jar"})
    void aTaskQueueClaimedByTwoPluginsIsRefusedToBoth(String impostorFile) throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Path task = Fixtures.greeterFolder(plugins, "task", greeter("task", "task", "Greet-task"), "v1");
        Path zoo = Fixtures.greeterJar(plugins, impostorFile, greeter("zoo", "task", "Greet-zoo"), "v1");
        Fixtures.greeterJar(plugins, "m-bystander.jar", greeter("bystander"), "v1");

        PluginRegistry registry = load(plugins);

        assertThat(cause(registry, "task")).isEqualTo("task queue task is also claimed by plugin zoo (" + zoo
                + "), so none of them may have it: a task queue belongs to one plugin: give one of them another task queue");
        assertThat(cause(registry, "zoo")).startsWith("task queue task is also claimed by plugin task (" + task + ")");
        assertThat(registry.queues()).extracting("taskQueue").containsExactly("bystander-queue");
        assertThat(registry.workflowTypes()).containsExactly("Greet-bystander");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-pricesync.jar", "zz-pricesync.jar"})
    void aWorkflowTypeRegisteredByTwoPluginsIsRefusedToBoth(String impostorFile) throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Path plan = Fixtures.greeterFolder(plugins, "plan", greeter("plan", "plan", "PriceSyncWorkflow"), "v1");
        Path impostor = Fixtures.greeterJar(plugins, impostorFile,
                greeter("pricesync", "pricesync-queue", "PriceSyncWorkflow"), "v1");

        PluginRegistry registry = load(plugins);

        assertThat(cause(registry, "plan")).contains("workflow type PriceSyncWorkflow is also claimed by plugin "
                + "pricesync (" + impostor + ")", "@WorkflowMethod(name = ...)");
        assertThat(cause(registry, "pricesync")).contains("workflow type PriceSyncWorkflow is also claimed by plugin "
                + "plan (" + plan + ")");
        assertThat(registry.workflow("PriceSyncWorkflow")).isEmpty();
        assertThat(registry.queues()).isEmpty();
    }

    @Test
    void anActivityTypeRegisteredByTwoPluginsIsRefusedToBothWithTheNamePrefixToSet() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "a-owner.jar", greeter("owner"), "v1");
        Map<String, String> copycat = new HashMap<>(greeter("copycat"));
        copycat.put("PREFIX", "owner-");
        Path copy = Fixtures.greeterJar(plugins, "b-copycat.jar", copycat, "v1");

        PluginRegistry registry = load(plugins);

        assertThat(cause(registry, "owner")).isEqualTo("activity type owner-Greet is also claimed by plugin copycat ("
                + copy + "), so none of them may have it: activity types are global to a host: give one plugin's "
                + "activity interface a prefix (@ActivityInterface(namePrefix = \"<plugin>-\"))");
        assertThat(cause(registry, "copycat")).startsWith("activity type owner-Greet is also claimed by plugin owner");
        assertThat(registry.workflowTypes()).isEmpty();
    }

    @Test
    void twoPluginsOfOneNameAreBothRefused() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Path first = Fixtures.greeterJar(plugins, "a-first.jar", greeter("twin"), "v1");
        Map<String, String> other = new HashMap<>(greeter("twin", "other-queue", "Greet-other"));
        other.put("PREFIX", "other-");
        Path second = Fixtures.greeterJar(plugins, "b-second.jar", other, "v1");

        PluginRegistry registry = load(plugins);

        assertThat(registry.descriptors()).extracting(PluginDescriptor::state)
                .containsExactly(PluginState.FAILED, PluginState.FAILED);
        assertThat(registry.descriptors()).extracting(PluginDescriptor::cause).containsExactly(
                "plugin name twin is also claimed by plugin twin (" + second + "), so none of them may have it: "
                        + "plugin names are unique in a host: rename one of them (WorkflowModule.name())",
                "plugin name twin is also claimed by plugin twin (" + first + "), so none of them may have it: "
                        + "plugin names are unique in a host: rename one of them (WorkflowModule.name())");
    }

    @Test
    void everyContestedNameAndEveryOtherClaimantIsNamed() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "one.jar", greeter("one", "shared-queue", "Greet-shared"), "v1");
        Path two = Fixtures.greeterJar(plugins, "two.jar", greeter("two", "shared-queue", "Greet-shared"), "v1");
        Path three = Fixtures.greeterJar(plugins, "three.jar", greeter("three", "shared-queue", "Greet-3"), "v1");

        String cause = cause(load(plugins), "one");

        assertThat(cause).startsWith("task queue shared-queue is also claimed by plugins three (" + three + "), two ("
                + two + ")").contains("; workflow type Greet-shared is also claimed by plugin two (" + two + ")");
    }

    @Test
    void aNewcomerClaimingARegisteredPluginsNameIsRefusedAndTheOwnerKeepsIt() throws Exception {
        Path installed = Fixtures.emptyPluginsDir(home);
        Path owner = Fixtures.greeterJar(installed, "owner.jar", greeter("owner", "owner-queue", "Greet-owner"), "v1");
        PluginRegistry registry = load(installed);
        Path later = Files.createDirectories(home.resolve("later"));
        Fixtures.greeterJar(later, "a-newcomer.jar", greeter("newcomer", "owner-queue", "Greet-newcomer"), "v1");
        Config config = TestConfigs.config(home, Map.of());

        List<PluginEntry> admitted = PluginInstaller.offline(config, new OfflineDataSources(config))
                .install(new PluginScanner().scan(later), registry);

        assertThat(admitted).singleElement().satisfies(newcomer -> {
            assertThat(newcomer.state()).isEqualTo(PluginState.FAILED);
            assertThat(newcomer.descriptor().cause()).startsWith("task queue owner-queue belongs to plugin owner ("
                    + owner + "), which keeps it");
        });
        assertThat(OfflinePlugins.descriptor(registry, "owner").state()).isEqualTo(PluginState.LOADED);
        assertThat(registry.queues()).extracting("taskQueue").containsExactly("owner-queue");
    }

    private static String cause(PluginRegistry registry, String plugin) {
        PluginDescriptor descriptor = OfflinePlugins.descriptor(registry, plugin);
        assertThat(descriptor.state()).as(plugin).isEqualTo(PluginState.FAILED);
        return descriptor.cause();
    }
}
