package dev.workerhost.host.loading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a plugin's files look like at one moment: each jar's name, size and modification time. While a jar is being
 * copied these change; a plugin whose files stayed the same for a while has arrived whole.
 */
public record PluginFiles(List<String> jars) {

    public PluginFiles {
        jars = List.copyOf(jars);
    }

    /** The files of the plugin at {@code location} (a jar, or a folder of jars) as they are now. */
    public static PluginFiles of(Path location) {
        List<String> jars = new ArrayList<>();
        try {
            if (Files.isDirectory(location)) {
                try (Stream<Path> children = Files.list(location)) {
                    for (Path jar : (Iterable<Path>) children.filter(PluginScanner::isJar).sorted()::iterator) {
                        jars.add(describe(jar));
                    }
                }
            } else {
                jars.add(describe(location));
            }
        } catch (IOException e) {
            // Gone or going while we looked: a state of its own, which the next look replaces.
            jars.add(location.getFileName() + " unreadable: " + e.getMessage());
        }
        return new PluginFiles(jars);
    }

    private static String describe(Path jar) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
        return jar.getFileName() + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
    }
}
