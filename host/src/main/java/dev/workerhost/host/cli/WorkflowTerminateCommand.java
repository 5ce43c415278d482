package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowControl;
import dev.workerhost.host.temporal.WorkflowOutcomes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worker-host workflow terminate ID}: ends a running execution at once, e.g. one started on a wrong queue. */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = "End a running workflow at once (its code does not run again); prints its status as JSON.")
final class WorkflowTerminateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The workflow id.")
    String workflowId;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "terminated with worker-host workflow terminate",
            description = "Why, recorded in the workflow's history (default: ${DEFAULT-VALUE}).")
    String reason;

    @Mixin
    TargetOption target;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return target.withClient(options.config(), client -> {
            new WorkflowControl(client).terminate(workflowId, reason);
            WorkflowShowCommand.print(spec, new WorkflowOutcomes(client), workflowId);
            return 0;
        });
    }
}
