package dev.workerhost.testkit;

import dev.workerhost.testkit.fixture.EchoModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Jars of the echo fixture plugin, made of this module's compiled test classes: the fixture package, the stand-in
 * old Guava it bundles, its reference.conf and (unless left out on purpose) its service entry.
 */
final class FixturePlugins {

    private static final String SERVICE_FILE = "META-INF/services/dev.workerhost.spi.WorkflowModule";

    private FixturePlugins() {
    }

    static Path echo(Path dir) {
        return jar(dir.resolve("echo.jar"), true);
    }

    /** The echo plugin without its service entry, which the host refuses. */
    static Path echoWithoutServiceEntry(Path dir) {
        return jar(dir.resolve("echo-unlisted.jar"), false);
    }

    private static Path jar(Path file, boolean serviceEntry) {
        Path classes = testClasses();
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file))) {
            if (serviceEntry) {
                put(jar, SERVICE_FILE, (EchoModule.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            put(jar, "reference.conf", Files.readAllBytes(classes.resolve("fixture/reference.conf")));
            for (String folder : List.of("dev/workerhost/testkit/fixture", "com/google/common/base")) {
                try (Stream<Path> files = Files.list(classes.resolve(folder))) {
                    for (Path classFile : files.sorted().toList()) {
                        put(jar, folder + "/" + classFile.getFileName(), Files.readAllBytes(classFile));
                    }
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(EchoModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }
}
