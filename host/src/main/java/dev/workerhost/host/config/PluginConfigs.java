package dev.workerhost.host.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;

/**
 * A plugin's view of the configuration: the host's {@code plugins.<name>} over the plugin's own reference.conf.
 * A plugin's reference.conf uses full paths ({@code plugins.<name> { ... }}), the Typesafe Config idiom, so it reads
 * the same as the host's application.conf that overrides it.
 */
public final class PluginConfigs {

    private final Config hostConfig;

    public PluginConfigs(Config hostConfig) {
        this.hostConfig = hostConfig;
    }

    /**
     * @param pluginLoader the plugin's class loader; it reads {@code reference.conf} from the plugin's jars only
     * @throws IllegalArgumentException if the host's {@code plugins.<name>} sets a key the plugin's reference.conf
     *     does not have, naming it, where it was set and the nearest key the plugin has
     */
    public Config forPlugin(String pluginName, ClassLoader pluginLoader) {
        String path = ConfigUtil.joinPath("plugins", pluginName);
        Config reference = ConfigFactory.parseResources(pluginLoader, "reference.conf");
        UnknownKeys.requireNoneInPlugin(pluginName, hostConfig, reference);
        Config merged = hostConfig.withFallback(reference).resolve();
        return merged.hasPath(path) ? merged.getConfig(path) : ConfigFactory.empty();
    }

    /** False when {@code plugins.<name>.enabled = false}. */
    public boolean isEnabled(String pluginName) {
        String path = ConfigUtil.joinPath("plugins", pluginName, "enabled");
        return !hostConfig.hasPath(path) || hostConfig.getBoolean(path);
    }
}
