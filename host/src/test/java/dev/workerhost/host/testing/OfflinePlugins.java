package dev.workerhost.host.testing;

import com.typesafe.config.Config;
import dev.workerhost.host.datasource.OfflineDataSources;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.runtime.PluginInstaller;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plugins installed the way the offline commands install them: no Temporal, no database. */
public final class OfflinePlugins {

    private OfflinePlugins() {
    }

    public static PluginRegistry install(Path home, Path pluginsDir, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("host.plugins-dir", pluginsDir.toString());
        Config config = TestConfigs.config(home, all);
        return PluginInstaller.offline(config, new OfflineDataSources(config)).installFolders(List.of(pluginsDir));
    }

    /** The descriptor of the plugin named {@code name}; fails the test if there is none or several. */
    public static PluginDescriptor descriptor(PluginRegistry registry, String name) {
        List<PluginDescriptor> named = registry.descriptors().stream().filter(d -> d.name().equals(name)).toList();
        if (named.size() != 1) {
            throw new AssertionError("expected one plugin named " + name + ", found " + registry.descriptors());
        }
        return named.get(0);
    }
}
