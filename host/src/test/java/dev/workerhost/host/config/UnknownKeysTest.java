package dev.workerhost.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misspelt keys stop the start, naming the key, where it was set and the key that was meant. */
class UnknownKeysTest {

    @TempDir
    Path home;

    private Config loadFile(String hocon) throws Exception {
        Path file = Files.writeString(home.resolve("my.conf"), hocon);
        return new HostConfigLoader(home, Map.of(), new Properties()).load(Optional.of(file), Map.of());
    }

    private Config loadProperties(Properties system) {
        return new HostConfigLoader(home, Map.of(), system).load(Optional.empty(), Map.of());
    }

    @Test
    void aMisspeltHostKeyIsNamedWithItsFileLineAndTheKeyMeant() {
        assertThatThrownBy(() -> loadFile("# my settings\nhost.plugin-dir = /opt/plugins\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown config key host.plugin-dir (set in " + home.resolve("my.conf") + ": 2);"
                        + " did you mean host.plugins-dir?");
    }

    @Test
    void aMisspeltSectionIsNamed() {
        assertThatThrownBy(() -> loadFile("tempral.target = \"temporal.example:7233\"\n"))
                .hasMessageStartingWith("unknown config key tempral.target (set in ")
                .hasMessageEndingWith("did you mean temporal.target?");
    }

    @Test
    void aMisspeltKeyInApplicationConfIsNamedToo() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.conf"), "temporal {\n  tls {\n    enable = true\n  }\n}\n");

        assertThatThrownBy(() -> loadProperties(new Properties()))
                .hasMessageContaining("unknown config key temporal.tls.enable (set in "
                        + home.resolve("config/application.conf") + ": 3)")
                .hasMessageEndingWith("did you mean temporal.tls.enabled?");
    }

    @Test
    void aMisspeltSystemPropertyIsNamedButTheJvmsOwnAreNot() {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        system.setProperty("worker.host.home", "/opt/worker-host");
        loadProperties(system);

        system.setProperty("tempral.target", "temporal.example:7233");
        assertThatThrownBy(() -> loadProperties(system))
                .hasMessageStartingWith("unknown config key tempral.target (set in system properties)")
                .hasMessageEndingWith("did you mean temporal.target?");
    }

    @Test
    void workerOptionsOfEveryQueueHaveTheKeysOfTheDefaults() throws Exception {
        Config config = loadFile("workers { defaults.max-concurrent-activities = 8, \"task\".activities-per-second = 5 }");
        assertThat(config.getInt("workers.defaults.max-concurrent-activities")).isEqualTo(8);

        assertThatThrownBy(() -> loadFile("workers.defaults.max-concurent-activities = 8"))
                .hasMessageEndingWith("did you mean workers.defaults.max-concurrent-activities?");
        assertThatThrownBy(() -> loadFile("workers.billing.pollers = 2"))
                .hasMessageStartingWith("unknown config key workers.billing.pollers (set in ")
                .hasMessageEndingWith("did you mean workers.billing.activity-task-pollers?");
    }

    @Test
    void workersDeploymentIsASectionOfItsOwnNotATaskQueue() throws Exception {
        Config config = loadFile("workers { deployment.name = billing-prod, \"billing\".max-concurrent-activities = 4 }");
        assertThat(config.getString("workers.deployment.name")).isEqualTo("billing-prod");

        assertThatThrownBy(() -> loadFile("workers.deployment.nmae = billing-prod"))
                .hasMessageStartingWith("unknown config key workers.deployment.nmae (set in ")
                .hasMessageEndingWith("did you mean workers.deployment.name?");
        assertThatThrownBy(() -> loadFile("workers.deployment.max-concurrent-activities = 4"))
                .as("a queue's keys are no deployment keys")
                .hasMessageStartingWith("unknown config key workers.deployment.max-concurrent-activities (set in ");
        assertThatThrownBy(() -> loadFile("workers.deployment = billing-prod"))
                .hasMessageStartingWith("unknown config key workers.deployment (set in ")
                .hasMessageEndingWith("did you mean workers.deployment.name?");
    }

    @Test
    void aMisspeltDeploymentSectionReadsAsAQueueButTheKeyMeantIsNamed() {
        assertThatThrownBy(() -> loadFile("workers.deploymnet.name = billing-prod"))
                .hasMessageStartingWith("unknown config key workers.deploymnet.name (set in ")
                .hasMessageEndingWith("did you mean workers.deployment.name?");
    }

    @Test
    void everyDatasourceHasTheKeysOfTheDefaultOne() throws Exception {
        Config config = loadFile("datasources.reports { url = \"jdbc:h2:mem:r\", user = sa, pool-size = 2 }");
        assertThat(config.getString("datasources.reports.user")).isEqualTo("sa");

        assertThatThrownBy(() -> loadFile("datasources.reports { url = \"jdbc:h2:mem:r\", usr = sa }"))
                .hasMessageStartingWith("unknown config key datasources.reports.usr (set in ")
                .hasMessageEndingWith("did you mean datasources.reports.user?");
    }

    @Test
    void aDirectoryGivenAsTheConfigFileIsNamedAsOne() throws Exception {
        Path directory = Files.createDirectories(home.resolve("conf.d"));

        assertThatThrownBy(() -> new HostConfigLoader(home, Map.of(), new Properties())
                .load(Optional.of(directory), Map.of()))
                .hasMessageStartingWith("config file " + directory + " is a directory; pass a HOCON file");
    }

    @Test
    void aPluginKeyIsCheckedAgainstThePluginsReferenceConf(@TempDir Path pluginJarContents) throws Exception {
        Files.writeString(pluginJarContents.resolve("reference.conf"),
                "plugins.task { chunk-size = 1000, sources { folders = [], url-prefixes = [] } }");
        Config host = loadFile("plugins.task { enabled = true, chunk-size = 10, sources.folders = [\"/data\"] }\n"
                + "plugins.other.anything = 1\n");
        Config misspelt = loadFile("plugins.task {\n  chunk-sise = 10\n}\n");

        try (URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJarContents.toUri().toURL()}, null)) {
            assertThat(new PluginConfigs(host).forPlugin("task", plugin).getInt("chunk-size")).isEqualTo(10);
            assertThatThrownBy(() -> new PluginConfigs(misspelt).forPlugin("task", plugin))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown config key plugins.task.chunk-sise (set in " + home.resolve("my.conf")
                            + ": 2); did you mean plugins.task.chunk-size?");
            assertThatThrownBy(() -> new PluginConfigs(ConfigFactory.parseString("plugins.task.sources.folder = []"))
                    .forPlugin("task", plugin))
                    .hasMessageEndingWith("did you mean plugins.task.sources.folders?");
        }
    }
}
