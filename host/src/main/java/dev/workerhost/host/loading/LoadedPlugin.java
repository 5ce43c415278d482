package dev.workerhost.host.loading;

import static java.util.Objects.requireNonNull;

import dev.workerhost.spi.WorkflowModule;
import java.nio.file.Path;
import java.util.List;

/**
 * A plugin module instantiated in its own class loader, with what it says about itself and what the host warns about
 * it (e.g. a bundled copy of a shared package).
 */
public record LoadedPlugin(
        String name, String version, int spiVersion, WorkflowModule module, PluginClassLoader loader,
        List<String> warnings) {

    public LoadedPlugin {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(module, "module is null");
        requireNonNull(loader, "loader is null");
        warnings = List.copyOf(warnings);
    }

    public Path location() {
        return loader.location();
    }
}
