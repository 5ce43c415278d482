package dev.workerhost.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution ({@code dist/target/worker-host}), so a test may add plugins and keep its
 * embedded database under its own {@code data/} without touching the build's or another test's.
 */
final class Distribution {

    /** The class named by {@link #addPluginNamingAMissingModule}'s service entry. */
    static final String MISSING_MODULE = "com.example.MissingModule";

    private final Path home;

    private Distribution(Path home) {
        this.home = home;
    }

    static Distribution copyTo(Path directory) {
        Path built = built().home();
        Path home = directory.resolve("worker-host");
        // A data/ folder left by running the built distribution in place holds someone else's database.
        try (Stream<Path> files = Files.walk(built).filter(path -> !path.startsWith(built.resolve("data")))) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(built.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Distribution(home);
    }

    /**
     * The build's own distribution, in place: for commands that leave nothing behind (no {@code run}, which creates
     * {@code data/}), where what matters is the folder the build made, such as its class-data sharing archive.
     */
    static Distribution built() {
        Path built = Path.of(System.getProperty("dist.home", "target/worker-host")).toAbsolutePath();
        if (!Files.isExecutable(built.resolve("bin/worker-host"))) {
            throw new IllegalStateException("no distribution at " + built + "; run mvn package first");
        }
        return new Distribution(built);
    }

    Path home() {
        return home;
    }

    Path resolve(String path) {
        return home.resolve(path);
    }

    /** Runs {@code bin/worker-host args...} to completion. */
    CommandResult run(Map<String, String> environment, String... args) {
        return HostProcess.start(this, environment, args).awaitExit();
    }

    /** Starts {@code bin/worker-host args...} in the background. */
    HostProcess start(Map<String, String> environment, String... args) {
        return HostProcess.start(this, environment, args);
    }

    List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/worker-host").toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Adds a plugin jar whose service entry names a class that is not inside, as a botched build leaves it. */
    Path addPluginNamingAMissingModule(String jarName) {
        Path jar = home.resolve("plugins").resolve(jarName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry("META-INF/services/dev.workerhost.spi.WorkflowModule"));
            jarOut.write((MISSING_MODULE + "\n").getBytes(StandardCharsets.UTF_8));
            jarOut.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
