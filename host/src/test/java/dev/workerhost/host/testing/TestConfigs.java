package dev.workerhost.host.testing;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostConfigLoader;
import dev.workerhost.host.config.HostSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Host configurations for tests: the built-in defaults plus overrides, no environment, no system properties, and the
 * admin API off unless a test turns it on (tests never listen on the default port).
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static Config config(Path home, Map<String, String> overrides) {
        Map<String, String> withAdminOff = new HashMap<>(Map.of("host.admin.port", "0"));
        withAdminOff.putAll(overrides);
        return new HostConfigLoader(home, Map.of(), new Properties()).load(Optional.empty(), withAdminOff);
    }

    /**
     * An in-process host of {@code plugins} on an embedded Temporal server of its own (a free port), draining within
     * 5 s, plus {@code overrides}.
     */
    public static Config embeddedHost(Path home, Path plugins, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "host.plugins-dir", plugins.toString(),
                "host.shutdown-timeout", "5s",
                "temporal.embedded.port", String.valueOf(FreePort.find())));
        settings.putAll(overrides);
        return config(home, settings);
    }

    public static HostSettings settings(Config config, Path home) {
        return HostSettings.from(config, home);
    }
}
