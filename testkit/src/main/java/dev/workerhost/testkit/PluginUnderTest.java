package dev.workerhost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the plugin under test lies: the classes this build compiled and the runtime libraries it would put in the
 * plugin's folder (both named by system properties that plugins/pom.xml sets for the tests), or a plugin as it
 * lies in a plugins folder.
 *
 * @param classPath the classes and libraries, or empty when {@code location} is a plugins folder entry
 */
record PluginUnderTest(Path location, List<Path> classPath) {

    /** The build's classes folder (target/classes). */
    static final String CLASSES_PROPERTY = "workerhost.plugin.classes";
    /** A file holding the plugin's own runtime libraries as a class path, without what the host shares. */
    static final String LIBRARIES_PROPERTY = "workerhost.plugin.libraries";

    PluginUnderTest {
        classPath = List.copyOf(classPath);
    }

    static PluginUnderTest ofThisBuild() {
        String classes = System.getProperty(CLASSES_PROPERTY);
        String libraries = System.getProperty(LIBRARIES_PROPERTY);
        if (classes == null || libraries == null) {
            throw new IllegalStateException("no plugin under test: build the plugin with the parent "
                    + "dev.workerhost:plugin-parent, which names its classes and libraries for the tests (system "
                    + "properties " + CLASSES_PROPERTY + " and " + LIBRARIES_PROPERTY + "), or name a plugin jar or "
                    + "folder with PluginTestEnvironment.builder(path)");
        }
        List<Path> classPath = new ArrayList<>();
        classPath.add(Path.of(classes));
        try {
            for (String library : Files.readString(Path.of(libraries)).strip().split(File.pathSeparator)) {
                if (!library.isBlank()) {
                    classPath.add(Path.of(library));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin's libraries from " + libraries, e);
        }
        return new PluginUnderTest(Path.of(classes), classPath);
    }

    /** A jar, or a folder of jars (the plugin and its libraries), as in a plugins folder. */
    static PluginUnderTest at(Path jarOrFolder) {
        return new PluginUnderTest(jarOrFolder.toAbsolutePath().normalize(), List.of());
    }
}
