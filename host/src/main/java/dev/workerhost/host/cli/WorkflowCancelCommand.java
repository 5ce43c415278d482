package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowControl;
import dev.workerhost.host.temporal.WorkflowOutcomes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worker-host workflow cancel ID}: asks a running execution to stop; it may clean up first. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Ask a running workflow to cancel (it may clean up before it ends); prints its status as JSON.")
final class WorkflowCancelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The workflow id.")
    String workflowId;

    @Mixin
    TargetOption target;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return target.withClient(options.config(), client -> {
            new WorkflowControl(client).cancel(workflowId);
            spec.commandLine().getErr().println("cancellation of workflow " + workflowId + " requested; it ends once"
                    + " a worker runs its cancellation (worker-host workflow show " + workflowId + ")");
            WorkflowShowCommand.print(spec, new WorkflowOutcomes(client), workflowId);
            return 0;
        });
    }
}
