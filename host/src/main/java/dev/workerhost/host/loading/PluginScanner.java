package dev.workerhost.host.loading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the plugins in a plugins folder: every direct child that is a {@code .jar}, and every direct child folder
 * (its {@code .jar} files, the plugin and its dependencies). Other files are ignored. Sorted by name, so the order
 * and thus which of two conflicting plugins wins does not depend on the file system.
 */
public final class PluginScanner {

    public List<PluginSource> scan(Path pluginsDir) {
        return locations(pluginsDir).stream().map(PluginScanner::source).toList();
    }

    /** Where the plugins of {@code pluginsDir} lie: each jar and each folder in it, sorted by name. */
    public static List<Path> locations(Path pluginsDir) {
        if (!Files.isDirectory(pluginsDir)) {
            throw new IllegalArgumentException("plugins folder " + pluginsDir + " does not exist or is not a folder");
        }
        try (Stream<Path> children = Files.list(pluginsDir)) {
            return children
                    .filter(child -> isJar(child) || Files.isDirectory(child))
                    .sorted(Comparator.comparing(child -> child.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + pluginsDir, e);
        }
    }

    /** One plugin as it lies in a plugins folder: a jar, or a folder whose jars are the plugin and its libraries. */
    public static PluginSource source(Path child) {
        if (isJar(child)) {
            return new PluginSource(child, List.of(toUrl(child)));
        }
        try (Stream<Path> jars = Files.list(child)) {
            return new PluginSource(child, jars.filter(PluginScanner::isJar).sorted().map(PluginScanner::toUrl).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin folder " + child, e);
        }
    }

    static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot address " + jar, e);
        }
    }
}
