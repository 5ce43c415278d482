package dev.workerhost.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginConfigsTest {

    @TempDir
    Path pluginJarContents;

    @Test
    void aPluginSeesItsReferenceConfOverlaidByTheHostsPluginsSubtree() throws Exception {
        Files.writeString(pluginJarContents.resolve("reference.conf"),
                "plugins.greeter { greeting = hello, page-size = 500, timeout = ${plugins.greeter.page-size}ms }");
        Config host = ConfigFactory.parseString("plugins.greeter.page-size = 20, plugins.other.x = 1");

        try (URLClassLoader plugin = new URLClassLoader(new URL[] {pluginJarContents.toUri().toURL()}, null)) {
            Config config = new PluginConfigs(host).forPlugin("greeter", plugin);

            assertThat(config.getString("greeting")).isEqualTo("hello");
            assertThat(config.getInt("page-size")).isEqualTo(20);
            assertThat(config.getDuration("timeout").toMillis()).isEqualTo(20);
            assertThat(config.hasPath("x")).isFalse();
        }
    }

    @Test
    void aPluginIsEnabledUnlessTheHostTurnsItOff() {
        PluginConfigs configs = new PluginConfigs(ConfigFactory.parseString("plugins.off.enabled = false"));

        assertThat(configs.isEnabled("off")).isFalse();
        assertThat(configs.isEnabled("anything-else")).isTrue();
    }
}
