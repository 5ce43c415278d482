package dev.workerhost.host.loading;

import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowModule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Instantiates the {@link WorkflowModule}s of one plugin in a class loader of its own, with that loader as the
 * thread's context class loader, and checks that the host can serve them.
 */
public final class PluginLoader {

    /** The oldest SPI version this host serves; the newest is {@link SpiVersion#CURRENT}. */
    public static final int OLDEST_SPI_VERSION = 1;

    private final ClassLoader hostLoader;

    public PluginLoader(ClassLoader hostLoader) {
        this.hostLoader = hostLoader;
    }

    /** @return the plugin's modules, at least one */
    public List<LoadedPlugin> load(PluginSource source) throws PluginLoadException {
        PluginClassLoader loader = new PluginClassLoader(source.location(), source.jars(), hostLoader);
        try (LoaderSwap swap = LoaderSwap.to(loader)) {
            List<LoadedPlugin> plugins = instantiate(source, loader);
            if (plugins.isEmpty()) {
                throw new PluginLoadException(source.location(), "no WorkflowModule inside: add "
                        + "META-INF/services/dev.workerhost.spi.WorkflowModule naming the module class "
                        + "(e.g. with @AutoService(WorkflowModule.class))", null);
            }
            return plugins;
        } catch (PluginLoadException e) {
            closeQuietly(loader);
            throw e;
        } catch (Exception | LinkageError e) {
            closeQuietly(loader);
            throw new PluginLoadException(source.location(), LoadFailures.explain(e), e);
        }
    }

    private static List<LoadedPlugin> instantiate(PluginSource source, PluginClassLoader loader)
            throws PluginLoadException {
        List<LoadedPlugin> plugins = new ArrayList<>();
        Iterator<WorkflowModule> modules = ServiceLoader.load(WorkflowModule.class, loader).iterator();
        while (hasNext(modules, source)) {
            WorkflowModule module = next(modules, source);
            int spiVersion = module.spiVersion();
            if (spiVersion < OLDEST_SPI_VERSION || spiVersion > SpiVersion.CURRENT) {
                throw new PluginLoadException(source.location(), "module " + module.getClass().getName()
                        + " was built for SPI version " + spiVersion + ", this host serves versions "
                        + OLDEST_SPI_VERSION + " to " + SpiVersion.CURRENT
                        + ": rebuild the plugin against a supported SPI or upgrade the host", null);
            }
            plugins.add(new LoadedPlugin(module.name(), module.version(), spiVersion, module, loader));
        }
        return plugins;
    }

    private static boolean hasNext(Iterator<WorkflowModule> modules, PluginSource source) throws PluginLoadException {
        try {
            return modules.hasNext();
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException(source.location(), LoadFailures.explain(e), e);
        }
    }

    private static WorkflowModule next(Iterator<WorkflowModule> modules, PluginSource source)
            throws PluginLoadException {
        try {
            return modules.next();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginLoadException(source.location(), LoadFailures.explain(e), e);
        }
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // the loader is being thrown away because the plugin is broken; the load failure is what matters
        }
    }
}
