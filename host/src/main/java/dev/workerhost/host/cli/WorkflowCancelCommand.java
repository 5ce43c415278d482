package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowControl;
import io.temporal.client.WorkflowClient;
import picocli.CommandLine.Command;

/** {@code worker-host workflow cancel ID}: asks a running execution to stop; it may clean up first. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Ask a running workflow to cancel (it may clean up before it ends); prints its status as JSON.")
final class WorkflowCancelCommand extends WorkflowIdCommand {

    @Override
    void act(WorkflowClient client) {
        new WorkflowControl(client).cancel(workflowId);
        spec.commandLine().getErr().println("cancellation of workflow " + workflowId + " requested; it ends once"
                + " a worker runs its cancellation (worker-host workflow show " + workflowId + ")");
    }
}
