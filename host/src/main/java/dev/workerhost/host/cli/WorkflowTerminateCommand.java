package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowControl;
import io.temporal.client.WorkflowClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worker-host workflow terminate ID}: ends a running execution at once, e.g. one started on a wrong queue. */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = "End a running workflow at once (its code does not run again); prints its status as JSON.")
final class WorkflowTerminateCommand extends WorkflowIdCommand {

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "terminated with worker-host workflow terminate",
            description = "Why, recorded in the workflow's history (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    void act(WorkflowClient client) {
        new WorkflowControl(client).terminate(workflowId, reason);
    }
}
