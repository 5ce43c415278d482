package dev.workerhost.host.cli;

import picocli.CommandLine.Command;

/** {@code worker-host workflow}: start workflows by type name, inspect and end them by id. */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = "Start, inspect, terminate and cancel workflows.",
        subcommands = {WorkflowStartCommand.class, WorkflowShowCommand.class, WorkflowTerminateCommand.class,
                WorkflowCancelCommand.class})
final class WorkflowCommand {
}
