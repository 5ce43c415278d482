package dev.workerhost.host.loading;

import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowModule;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Checks a plugin's jars ({@link PluginJars}) and instantiates its {@link WorkflowModule} in a class loader of its own, with that loader as the
 * thread's context class loader, and checks that the host can serve it. A plugin is exactly one module: its jar or
 * folder, its class loader, its name and its version are one thing, and so is its lifecycle.
 */
public final class PluginLoader {

    /**
     * The oldest SPI version this host serves; the newest is {@link SpiVersion#CURRENT}. Raised to CURRENT whenever
     * CURRENT is raised for a change a plugin built against the older SPI would break on (see SpiVersion).
     */
    public static final int OLDEST_SPI_VERSION = 2;

    private final ClassLoader hostLoader;

    public PluginLoader(ClassLoader hostLoader) {
        this.hostLoader = hostLoader;
    }

    /** @throws PluginLoadException naming the plugin's location and what to fix; its class loader is closed */
    public LoadedPlugin load(PluginSource source) throws PluginLoadException {
        List<String> warnings = PluginJars.check(source);
        PluginClassLoader loader = new PluginClassLoader(source.location(), source.jars(), hostLoader);
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            return instantiate(source, loader, warnings);
        } catch (PluginLoadException e) {
            loader.closeQuietly();
            throw e;
        } catch (Exception | LinkageError | ServiceConfigurationError e) {
            loader.closeQuietly();
            throw new PluginLoadException(source.location(), LoadProblemExplainer.explain(e), e);
        }
    }

    private static LoadedPlugin instantiate(PluginSource source, PluginClassLoader loader, List<String> warnings)
            throws PluginLoadException {
        List<WorkflowModule> modules = new ArrayList<>();
        ServiceLoader.load(WorkflowModule.class, loader).forEach(modules::add);
        if (modules.isEmpty()) {
            throw new PluginLoadException(source.location(), "no WorkflowModule inside: add "
                    + "META-INF/services/dev.workerhost.spi.WorkflowModule naming the module class "
                    + "(e.g. with @AutoService(WorkflowModule.class))", null);
        }
        if (modules.size() > 1) {
            throw new PluginLoadException(source.location(), "holds " + modules.size() + " WorkflowModules ("
                    + String.join(", ", modules.stream().map(module -> module.getClass().getName()).toList())
                    + "): a plugin is one module, so put each in a jar or folder of its own", null);
        }
        WorkflowModule module = modules.get(0);
        int spiVersion = module.spiVersion();
        if (spiVersion < OLDEST_SPI_VERSION || spiVersion > SpiVersion.CURRENT) {
            throw new PluginLoadException(source.location(), "module " + module.getClass().getName()
                    + " was built against SPI " + spiVersion + ", this host serves " + servedSpiVersions() + ": "
                    + (spiVersion > SpiVersion.CURRENT ? "upgrade the host, or " : "")
                    + "rebuild the plugin against SPI " + SpiVersion.CURRENT, null);
        }
        return new LoadedPlugin(module.name(), module.version(), spiVersion, module, loader, warnings);
    }

    /** "SPI 2", or "SPI 2 to 3" once a host serves more than one. */
    public static String servedSpiVersions() {
        return OLDEST_SPI_VERSION == SpiVersion.CURRENT
                ? "SPI " + SpiVersion.CURRENT
                : "SPI " + OLDEST_SPI_VERSION + " to " + SpiVersion.CURRENT;
    }
}
