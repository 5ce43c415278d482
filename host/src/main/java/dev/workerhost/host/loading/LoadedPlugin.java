package dev.workerhost.host.loading;

import static java.util.Objects.requireNonNull;

import dev.workerhost.spi.WorkflowModule;
import java.nio.file.Path;

/** A plugin module instantiated in its own class loader, with what it says about itself. */
public record LoadedPlugin(String name, String version, int spiVersion, WorkflowModule module, PluginClassLoader loader) {

    public LoadedPlugin {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(module, "module is null");
        requireNonNull(loader, "loader is null");
    }

    public Path location() {
        return loader.location();
    }
}
