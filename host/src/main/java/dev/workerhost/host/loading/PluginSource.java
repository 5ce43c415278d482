package dev.workerhost.host.loading;

import static java.util.Objects.requireNonNull;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** One plugin on disk: a jar, or a folder whose jars are the plugin and its own dependencies. */
public record PluginSource(Path location, List<URL> jars) {

    public PluginSource {
        requireNonNull(location, "location is null");
        jars = List.copyOf(jars);
    }

    /** The name operators see in messages: the jar's or folder's file name. */
    public String displayName() {
        return location.getFileName().toString();
    }
}
