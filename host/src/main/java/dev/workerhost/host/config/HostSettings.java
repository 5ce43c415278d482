package dev.workerhost.host.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code host.*} settings the runtime needs, read once and checked. */
public record HostSettings(
        Path home,
        Path pluginsDir,
        PluginFailurePolicy onPluginFailure,
        Duration shutdownTimeout,
        Duration pluginStartTimeout,
        boolean watchPlugins,
        Duration watchSettle) {

    public static HostSettings from(Config config, Path home) {
        return new HostSettings(
                home,
                home.resolve(config.getString("host.plugins-dir")).normalize(),
                PluginFailurePolicy.parse(config.getString("host.on-plugin-failure")),
                config.getDuration("host.shutdown-timeout"),
                config.getDuration("host.plugin-start-timeout"),
                config.getBoolean("host.plugins.watch"),
                config.getDuration("host.plugins.watch-settle"));
    }
}
