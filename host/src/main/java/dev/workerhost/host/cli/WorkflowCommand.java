package dev.workerhost.host.cli;

import picocli.CommandLine.Command;

/** {@code worker-host workflow}: start and inspect workflows by type name. */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = "Start and inspect workflows.",
        subcommands = {WorkflowStartCommand.class, WorkflowShowCommand.class})
final class WorkflowCommand {
}
