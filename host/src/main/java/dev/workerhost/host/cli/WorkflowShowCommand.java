package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowOutcomes;
import dev.workerhost.spi.Json;
import io.temporal.client.WorkflowClient;
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
        WorkflowClient client = target.connect(options.config());
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.mapper().writeValueAsString(new WorkflowOutcomes(client).show(workflowId)));
            out.flush();
            return 0;
        } finally {
            client.getWorkflowServiceStubs().shutdown();
        }
    }
}
