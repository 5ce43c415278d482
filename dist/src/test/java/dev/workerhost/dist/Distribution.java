package dev.workerhost.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution ({@code dist/target/worker-host}), so a test may add plugins and keep its
 * embedded database under its own {@code data/} without touching the build's or another test's.
 */
final class Distribution {

    private final Path home;

    private Distribution(Path home) {
        this.home = home;
    }

    static Distribution copyTo(Path directory) {
        Path built = Path.of(System.getProperty("dist.home", "target/worker-host")).toAbsolutePath();
        if (!Files.isExecutable(built.resolve("bin/worker-host"))) {
            throw new IllegalStateException("no distribution at " + built + "; run mvn package first");
        }
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
