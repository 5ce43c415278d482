package dev.workerhost.host.runtime;

import com.typesafe.config.Config;
import dev.workerhost.host.config.HostSettings;
import dev.workerhost.host.config.PluginConfigs;
import dev.workerhost.host.datasource.DataSourceProvider;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.PluginLoadException;
import dev.workerhost.host.loading.PluginLoader;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.loading.PluginSource;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every plugin in the plugins folder, loaded and registered (or disabled, or refused with its cause): the part of
 * start-up shared by {@code run} and the offline commands.
 */
public final class PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);

    private final PluginRegistry registry;
    private final Map<String, ModuleContext> contexts;

    private PluginCatalog(PluginRegistry registry, Map<String, ModuleContext> contexts) {
        this.registry = registry;
        this.contexts = Map.copyOf(contexts);
    }

    /** Loads without Temporal or a database: datasources refuse connections, starting workflows is refused. */
    public static PluginCatalog loadOffline(HostSettings settings, Config config, DataSourceProvider offline) {
        return load(settings, config, offline, new CompositeMeterRegistry(), new LateWorkflowStarter());
    }

    static PluginCatalog load(HostSettings settings, Config config, DataSourceProvider dataSources,
            MeterRegistry meters, WorkflowStarter workflows) {
        PluginRegistry registry = new PluginRegistry();
        PluginConfigs pluginConfigs = new PluginConfigs(config);
        PluginLoader loader = new PluginLoader(PluginCatalog.class.getClassLoader());
        Map<String, ModuleContext> contexts = new LinkedHashMap<>();
        for (PluginSource source : new PluginScanner().scan(settings.pluginsDir())) {
            try {
                for (LoadedPlugin plugin : loader.load(source)) {
                    Optional<ModuleContext> context =
                            register(registry, plugin, pluginConfigs, dataSources, meters, workflows);
                    context.ifPresent(registered -> contexts.put(plugin.name(), registered));
                }
            } catch (PluginLoadException e) {
                report(registry.recordLoadFailure(e));
            }
        }
        return new PluginCatalog(registry, contexts);
    }

    private static Optional<ModuleContext> register(PluginRegistry registry, LoadedPlugin plugin,
            PluginConfigs pluginConfigs, DataSourceProvider dataSources, MeterRegistry meters,
            WorkflowStarter workflows) {
        if (!pluginConfigs.isEnabled(plugin.name())) {
            PluginDescriptor disabled = registry.recordDisabled(plugin);
            LOG.info("{} (plugins.{}.enabled = false)", disabled.summary(), plugin.name());
            return Optional.empty();
        }
        ModuleContext context;
        try {
            context = new HostModuleContext(plugin.name(), pluginConfigs.forPlugin(plugin.name(), plugin.loader()),
                    dataSources, taggedBy(plugin.name(), meters), workflows);
        } catch (RuntimeException e) {
            report(registry.recordLoadFailure(new PluginLoadException(
                    plugin.location(), "invalid configuration of plugin " + plugin.name() + ": " + e.getMessage(), e)));
            return Optional.empty();
        }
        PluginDescriptor descriptor = registry.register(plugin, context);
        if (descriptor.isBroken()) {
            report(descriptor);
            return Optional.empty();
        }
        return Optional.of(context);
    }

    /** A view of the shared registry that adds the tag {@code plugin=<name>} to every meter registered through it. */
    private static MeterRegistry taggedBy(String pluginName, MeterRegistry shared) {
        CompositeMeterRegistry tagged = new CompositeMeterRegistry();
        tagged.config().commonTags("plugin", pluginName);
        tagged.add(shared);
        return tagged;
    }

    private static void report(PluginDescriptor broken) {
        LOG.error(broken.problem());
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The context of a registered plugin, for its {@code start}. */
    ModuleContext context(String pluginName) {
        return contexts.get(pluginName);
    }
}
