package dev.workerhost.host.cli;

import io.temporal.client.WorkflowClient;
import picocli.CommandLine.Command;

/** {@code worker-host workflow show ID}: status and result or failure of the latest execution of one id. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print status and result/failure of a workflow execution as JSON.")
final class WorkflowShowCommand extends WorkflowIdCommand {

    @Override
    void act(WorkflowClient client) {
        // Showing is all this command does.
    }
}
