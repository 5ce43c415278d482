package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowOutcomes;
import dev.workerhost.spi.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code worker-host workflow show ID}: status and result or failure of the latest execution of one id. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print status and result/failure of a workflow execution as JSON.")
final class WorkflowShowCommand implements Callable<Integer> {

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
            print(spec, new WorkflowOutcomes(client), workflowId);
            return 0;
        });
    }

    /** Prints the latest execution of {@code workflowId} as one JSON line; terminate and cancel end with it too. */
    static void print(CommandSpec spec, WorkflowOutcomes outcomes, String workflowId) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println(Json.writer().writeValueAsString(outcomes.show(workflowId)));
        out.flush();
    }
}
