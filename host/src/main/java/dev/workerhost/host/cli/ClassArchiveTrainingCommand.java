package dev.workerhost.host.cli;

import dev.workerhost.host.config.HostHome;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * {@code worker-host class-archive-training} (hidden): what the distribution's class-data sharing archive
 * ({@code lib/worker-host.jsa}) is made from. The build runs it once under {@code -XX:ArchiveClassesAtExit}; every
 * class it loads is then mapped ready-parsed and verified by the short-lived commands. So it does what they do: starts
 * each shipped example ({@code examples/<WorkflowType>.json}) and shows it, against the embedded server in this JVM,
 * whose workflows vanish with it.
 */
@Command(name = "class-archive-training", hidden = true,
        description = "Start and show each example workflow against an in-process server (the build's CDS training).")
final class ClassArchiveTrainingCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException {
        List<Path> examples = examples(HostHome.resolve().resolve("examples"));
        if (examples.isEmpty()) {
            throw new IllegalStateException("no examples/<WorkflowType>.json to train on");
        }
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", 0)) {
            String target = "127.0.0.1:" + server.port();
            for (Path example : examples) {
                String type = example.getFileName().toString().replaceFirst("\\.json$", "");
                String id = "class-archive-training-" + type;
                run("workflow", "start", type, "--input", "@" + example, "--id", id, "--target", target);
                run("workflow", "show", id, "--target", target);
            }
        }
        return 0;
    }

    private static List<Path> examples(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** One command as the launcher would run it; its output is not the point, its success is. */
    private static void run(String... args) {
        StringWriter output = new StringWriter();
        PrintWriter writer = new PrintWriter(output);
        int exitCode = WorkerHostCli.execute(writer, writer, args);
        if (exitCode != 0) {
            throw new IllegalStateException("worker-host " + String.join(" ", args) + " exited " + exitCode + ": "
                    + output);
        }
    }
}
