package dev.workerhost.host.testing;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostConfigLoader;
import dev.workerhost.host.config.HostSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Host configurations for tests: the built-in defaults plus overrides, no environment, no system properties. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static Config config(Path home, Map<String, String> overrides) {
        return new HostConfigLoader(home, Map.of(), new Properties()).load(Optional.empty(), overrides);
    }

    public static HostSettings settings(Config config, Path home) {
        return HostSettings.from(config, home);
    }
}
