package dev.workerhost.host.testing;

import dev.workerhost.host.cli.WorkerHostCli;
import dev.workerhost.host.config.HostHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code worker-host ARGS} in a child JVM on this test's class path, home {@code home}: the exit code, output and
 * duration a real process has, signals and {@code System.exit} included.
 */
public final class CliProcess {

    /** How a finished run ended. */
    public record Result(int exitCode, String stdout, String stderr, Duration took) {

        @Override
        public String toString() {
            return "exit " + exitCode + " after " + took + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    private CliProcess() {
    }

    public static Result run(Path home, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + HostHome.PROPERTY + "=" + home,
                WorkerHostCli.class.getName()));
        command.addAll(List.of(args));
        try {
            Path stdout = Files.createTempFile(home, "cli-", ".out");
            Path stderr = Files.createTempFile(home, "cli-", ".err");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("worker-host " + String.join(" ", args) + " did not exit within " + timeout
                        + ":\n" + Files.readString(stderr));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
