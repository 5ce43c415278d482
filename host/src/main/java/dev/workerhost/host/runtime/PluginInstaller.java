package dev.workerhost.host.runtime;

import com.typesafe.config.Config;
import dev.workerhost.host.config.PluginConfigs;
import dev.workerhost.host.datasource.DataSourceProvider;
import dev.workerhost.host.loading.LoadProblemExplainer;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.loading.PluginLoadException;
import dev.workerhost.host.loading.PluginLoader;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.loading.PluginSource;
import dev.workerhost.host.registry.PluginDeclarations;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.spi.ModuleContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.util.List;

/**
 * Puts plugins into a registry: loads each in a class loader of its own, leaves out the ones the configuration turns
 * off, gives each its context (configuration, datasources, meters, workflow starter), runs its {@code register}, and
 * admits them all at once, so the registry's ownership rules see every claimant of a name together. The class
 * loaders of plugins that are not registered are closed. It logs nothing: what to say about a broken plugin, and
 * how loudly, is the caller's choice ({@code run} logs it once, {@code plugins} prints it).
 */
public final class PluginInstaller {

    private final PluginConfigs configs;
    private final DataSourceProvider dataSources;
    private final PluginMeters meters;
    private final LateTemporal temporal;
    private final PluginLoader loader = new PluginLoader(PluginInstaller.class.getClassLoader());

    /**
     * @param config the host's configuration; each plugin gets its {@code plugins.<name>} subtree
     * @param meters what plugins register meters in, each through a view tagged with its name
     * @param temporal the Temporal connection plugins get in their context, connected once the host is
     */
    PluginInstaller(Config config, DataSourceProvider dataSources, MeterRegistry meters,
            LateTemporal temporal) {
        this.configs = new PluginConfigs(config);
        this.dataSources = dataSources;
        this.meters = new PluginMeters(meters);
        this.temporal = temporal;
    }

    /** Installs without Temporal or a database: datasources refuse connections, starting workflows is refused. */
    public static PluginInstaller offline(Config config, DataSourceProvider offline) {
        return new PluginInstaller(config, offline, new CompositeMeterRegistry(), new LateTemporal());
    }

    /** Every plugin of the given plugins folders, installed together into a new registry. */
    public PluginRegistry installFolders(List<Path> pluginsDirs) {
        PluginScanner scanner = new PluginScanner();
        PluginRegistry registry = new PluginRegistry();
        install(pluginsDirs.stream().flatMap(dir -> scanner.scan(dir).stream()).toList(), registry);
        return registry;
    }

    /**
     * Loads, registers and admits the plugins at {@code sources} together, with the host's class-loading, sharing
     * and ownership rules.
     *
     * @return the entries as the registry recorded them: registered, disabled, or FAILED with the cause
     */
    public List<PluginEntry> install(List<PluginSource> sources, PluginRegistry registry) {
        List<PluginEntry> declared;
        try {
            // each plugin's jars, class loader and register are its own: they run side by side
            declared = InParallel.map("plugin-load", sources, this::declare);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading plugins", e);
        }
        List<PluginEntry> recorded = registry.admit(declared);
        recorded.stream()
                .filter(entry -> !entry.isRegistered())
                .forEach(entry -> entry.plugin().ifPresent(plugin -> plugin.loader().closeQuietly()));
        return recorded;
    }

    /** Loads one plugin and runs its register: a candidate for the registry, not yet admitted. */
    PluginEntry declare(PluginSource source) {
        LoadedPlugin plugin;
        try {
            plugin = loader.load(source);
        } catch (PluginLoadException e) {
            return PluginEntry.unloadable(e);
        }
        if (!configs.isEnabled(plugin.name())) {
            return PluginEntry.disabled(plugin);
        }
        ModuleContext context;
        try {
            context = new HostModuleContext(plugin.name(), configs.forPlugin(plugin.name(), plugin.loader()),
                    dataSources, meters.viewFor(plugin.name(), plugin.loader()), temporal);
        } catch (RuntimeException e) {
            return PluginEntry.broken(plugin, "invalid configuration: " + e.getMessage(), e);
        }
        PluginDeclarations declarations = new PluginDeclarations(plugin.name(), plugin.loader());
        try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
            plugin.module().register(context, declarations);
        } catch (RuntimeException | LinkageError e) {
            return PluginEntry.broken(plugin, "register failed: " + LoadProblemExplainer.explain(e), e);
        }
        return PluginEntry.declared(plugin, context, declarations);
    }
}
