package dev.workerhost.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/worker-host} process whose standard output (the commands' JSON) and standard error (the log) go to
 * files the test can read while it runs.
 */
final class HostProcess implements AutoCloseable {

    static final String READY_LINE = "worker-host ready";

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private HostProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static HostProcess start(Distribution distribution, Map<String, String> environment, String... args) {
        try {
            Path stdout = Files.createTempFile(distribution.home().getParent(), "worker-host-", ".out");
            Path stderr = Files.createTempFile(distribution.home().getParent(), "worker-host-", ".log");
            ProcessBuilder builder = new ProcessBuilder(distribution.command(args))
                    .directory(distribution.home().toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            return new HostProcess(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the host logs that it is ready; fails with the output so far if it exits or takes too long. */
    HostProcess awaitReady(Duration timeout) {
        return awaitOutput(READY_LINE, timeout);
    }

    HostProcess awaitOutput(String text, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("worker-host exited with " + process.exitValue()
                        + " before printing \"" + text + "\":\n" + output());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("worker-host did not print \"" + text + "\" within " + timeout + ":\n"
                        + output());
            }
            Pause.of(100);
        }
        return this;
    }

    /** Everything printed so far, standard output first. */
    String output() {
        return read(stdout) + read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as an operator's service manager would. */
    void terminate() {
        process.destroy();
    }

    CommandResult awaitExit() {
        return awaitExit(Duration.ofMinutes(2));
    }

    CommandResult awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("worker-host did not exit within " + timeout + ":\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new CommandResult(process.exitValue(), read(stdout), read(stderr));
    }

    /** The JVM's process id ({@code bin/worker-host} execs java). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
