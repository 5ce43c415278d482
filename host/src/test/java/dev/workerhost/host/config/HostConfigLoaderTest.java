package dev.workerhost.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostConfigLoaderTest {

    @TempDir
    Path home;

    private Config load(Map<String, String> env, Properties system, Optional<Path> file, Map<String, String> cli) {
        return new HostConfigLoader(home, env, system).load(file, cli);
    }

    private Config load() {
        return load(Map.of(), new Properties(), Optional.empty(), Map.of());
    }

    @Test
    void builtInDefaultsMatchTheProductsTable() {
        Config config = load();

        assertThat(config.getString("temporal.target")).isEqualTo("embedded");
        assertThat(config.getInt("temporal.embedded.port")).isEqualTo(7233);
        assertThat(config.getString("temporal.namespace")).isEqualTo("default");
        assertThat(config.getString("host.plugins-dir")).isEqualTo("plugins");
        assertThat(config.getString("host.on-plugin-failure")).isEqualTo("fail");
        assertThat(config.getDuration("host.shutdown-timeout")).hasSeconds(30);
        assertThat(config.getInt("host.admin.port")).isEqualTo(8233);
        assertThat(HostSettings.from(config, home).pluginsDir()).isEqualTo(home.resolve("plugins"));
    }

    @Test
    void applicationConfOverridesDefaultsAndConfigFileOverridesApplicationConf() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/application.conf"),
                "temporal.namespace = from-app\nhost.shutdown-timeout = 5s\n");
        Path file = Files.writeString(home.resolve("extra.conf"), "temporal.namespace = from-file\n");

        Config config = load(Map.of(), new Properties(), Optional.of(file), Map.of());

        assertThat(config.getString("temporal.namespace")).isEqualTo("from-file");
        assertThat(config.getDuration("host.shutdown-timeout")).hasSeconds(5);
    }

    @Test
    void systemPropertiesOverrideTheConfigFile() throws Exception {
        Path file = Files.writeString(home.resolve("extra.conf"), "temporal.namespace = from-file\n");
        Properties system = new Properties();
        system.setProperty("temporal.namespace", "from-system");

        assertThat(load(Map.of(), system, Optional.of(file), Map.of()).getString("temporal.namespace"))
                .isEqualTo("from-system");
    }

    @Test
    void environmentVariablesOverrideTheDefaultsTheyName() {
        Config config = load(Map.of("TEMPORAL_ADDRESS", "temporal.example:7233", "WORKER_HOST_PLUGINS_DIR", "/opt/p",
                "WORKER_HOST_DB_URL", "jdbc:postgresql://db/x"), new Properties(), Optional.empty(), Map.of());

        assertThat(config.getString("temporal.target")).isEqualTo("temporal.example:7233");
        assertThat(config.getString("host.plugins-dir")).isEqualTo("/opt/p");
        assertThat(config.getString("datasources.default.url")).isEqualTo("jdbc:postgresql://db/x");
    }

    @Test
    void commandLineOptionsWinOverEverything() {
        Properties system = new Properties();
        system.setProperty("host.plugins-dir", "from-system");

        Config config = load(Map.of("WORKER_HOST_PLUGINS_DIR", "from-env"), system, Optional.empty(),
                Map.of("host.plugins-dir", "from-cli"));

        assertThat(config.getString("host.plugins-dir")).isEqualTo("from-cli");
    }

    @Test
    void aMalformedFileIsAnErrorNamingTheFile() throws Exception {
        Path file = Files.writeString(home.resolve("broken.conf"), "temporal { namespace = \n");

        assertThatThrownBy(() -> load(Map.of(), new Properties(), Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.conf");
    }

    @Test
    void aWrongValueIsAnErrorNamingTheKey() {
        Properties system = new Properties();
        system.setProperty("host.on-plugin-failure", "explode");
        Config config = load(Map.of(), system, Optional.empty(), Map.of());

        assertThatThrownBy(() -> HostSettings.from(config, home))
                .hasMessageContaining("host.on-plugin-failure")
                .hasMessageContaining("explode");
    }
}
