package dev.workerhost.host.cli;

import java.io.PrintWriter;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code worker-host} command line; {@code run} is the default command. Exit codes: 0 ok, 1 failure, 2 usage. */
@Command(name = "worker-host", mixinStandardHelpOptions = true, versionProvider = HostVersions.class,
        description = "A plugin-based host for Temporal workers.",
        subcommands = {RunCommand.class, PluginsCommand.class, PluginCommand.class, WorkflowCommand.class,
            DevServerCommand.class, ConfigCommand.class, ClassArchiveTrainingCommand.class})
public final class WorkerHostCli implements Runnable {

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; the streams receive what the command prints. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new WorkerHostCli())
                // "--input @FILE" is ours to read: picocli would otherwise expand it as an argument file.
                .setExpandAtFiles(false)
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((failure, line, parsed) -> {
                    line.getErr().println("error: " + failure.getMessage());
                    line.getErr().flush();
                    return 1;
                });
        return commandLine.execute(withDefaultCommand(args));
    }

    /** {@code worker-host} and {@code worker-host --config X} mean {@code worker-host run ...}. */
    private static String[] withDefaultCommand(String[] args) {
        boolean startsWithCommand = args.length > 0
                && (!args[0].startsWith("-") || TOP_LEVEL_OPTIONS.contains(args[0]));
        return startsWithCommand ? args : Stream.concat(Stream.of("run"), Stream.of(args)).toArray(String[]::new);
    }

    @Override
    public void run() {
        // only reached with a subcommand's name missing, which withDefaultCommand rules out
    }
}
