package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostConfigLoader;
import dev.workerhost.host.config.HostHome;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.datasource.OfflineDataSources;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.runtime.PluginInstaller;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --plugins-dir}, shared by the commands that load the configuration. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "A HOCON file over config/application.conf.")
    Path configFile;

    @Option(names = "--plugins-dir", paramLabel = "DIR", description = "The plugins folder (host.plugins-dir).")
    Path pluginsDir;

    /** The configuration, loaded once per command. */
    Config config() {
        Map<String, String> overrides = pluginsDir == null
                ? Map.of()
                : Map.of("host.plugins-dir", pluginsDir.toAbsolutePath().toString());
        return HostConfigLoader.forProcess(HostHome.resolve()).load(Optional.ofNullable(configFile), overrides);
    }

    HostSettings settings(Config config) {
        return HostSettings.from(config, HostHome.resolve());
    }

    /** Every plugin loaded and registered without Temporal or a database, as the offline commands need them. */
    PluginRegistry loadPluginsOffline(Config config) {
        return loadPluginsOffline(config, List.of());
    }

    /** The same, with the plugins of {@code candidateDirs} installed together with the installed ones. */
    PluginRegistry loadPluginsOffline(Config config, List<Path> candidateDirs) {
        List<Path> folders = new ArrayList<>(List.of(settings(config).pluginsDir()));
        folders.addAll(candidateDirs);
        return PluginInstaller.offline(config, new OfflineDataSources(config)).installFolders(folders);
    }
}
