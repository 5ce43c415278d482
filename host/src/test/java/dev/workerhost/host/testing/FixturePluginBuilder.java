package dev.workerhost.host.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars during the test run from the sources under {@code src/test/resources/fixtures/<name>}: copies
 * them with placeholders ({@code @PLUGIN@}) replaced, compiles them with the JDK's compiler against the test class
 * path, and jars the classes with a hand-written service entry. Compiled fixtures are cached for the JVM's life.
 */
public final class FixturePluginBuilder {

    public static final String SERVICE_FILE = "META-INF/services/dev.workerhost.spi.WorkflowModule";

    private static final Map<String, Path> COMPILED = new ConcurrentHashMap<>();
    private static final Path WORK_DIR = createWorkDir();

    private FixturePluginBuilder() {
    }

    /** The classes of fixture {@code name} with {@code placeholders} replaced, compiled against {@code libraries}. */
    public static Path classes(String name, Map<String, String> placeholders, Path... libraries) {
        String key = name + placeholders + List.of(libraries);
        return COMPILED.computeIfAbsent(key, ignored -> compile(name, placeholders, libraries));
    }

    /** Writes a jar of {@code classDirs}; with a non-null {@code serviceEntry}, names it as the WorkflowModule. */
    public static Path jar(Path jarFile, String serviceEntry, Path... classDirs) {
        try {
            Files.createDirectories(jarFile.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(jarFile), manifest)) {
                if (serviceEntry != null) {
                    put(jar, SERVICE_FILE, (serviceEntry + "\n").getBytes(StandardCharsets.UTF_8));
                }
                for (Path classDir : classDirs) {
                    for (Path file : files(classDir)) {
                        put(jar, classDir.relativize(file).toString().replace(File.separatorChar, '/'),
                                Files.readAllBytes(file));
                    }
                }
            }
            return jarFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compile(String name, Map<String, String> placeholders, Path... libraries) {
        try {
            Path sources = Files.createTempDirectory(WORK_DIR, name + "-src");
            Path output = Files.createTempDirectory(WORK_DIR, name + "-classes");
            Path fixture = fixtureRoot().resolve(name);
            List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-proc:none",
                    "-classpath", classpath(libraries)));
            for (Path source : files(fixture)) {
                String text = Files.readString(source);
                for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
                    text = text.replace("@" + placeholder.getKey() + "@", placeholder.getValue());
                }
                Path copy = sources.resolve(fixture.relativize(source).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, text);
                arguments.add(copy.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, null, errors, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("fixture " + name + " does not compile:\n" + errors);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpath(Path... libraries) {
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
        for (Path library : libraries) {
            classpath.append(File.pathSeparator).append(library);
        }
        return classpath.toString();
    }

    /** The fixtures' folder: in the test classes, or in host's test jar (dist's tests build plugins from it). */
    private static Path fixtureRoot() {
        URL marker = FixturePluginBuilder.class.getClassLoader().getResource("fixtures");
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException opened) {
                    // Another fixture was read from the jar already.
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        jar.write(content);
        jar.closeEntry();
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("worker-host-fixtures");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
