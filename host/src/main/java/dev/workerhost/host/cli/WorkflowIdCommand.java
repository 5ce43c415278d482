package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.WorkflowOutcomes;
import dev.workerhost.spi.Json;
import io.temporal.client.WorkflowClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command on the latest execution of one workflow id ({@code show}, {@code cancel}, {@code terminate}): it acts on
 * the execution, then prints it as one JSON line, so each of them ends with what {@code show} prints.
 */
abstract class WorkflowIdCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The workflow id.")
    String workflowId;

    @Mixin
    TargetOption target;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    /** What the command does to the execution before it is printed. */
    abstract void act(WorkflowClient client) throws Exception;

    @Override
    public final Integer call() throws Exception {
        return target.withClient(options.config(), client -> {
            act(client);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Json.writer().writeValueAsString(new WorkflowOutcomes(client).show(workflowId)));
            out.flush();
            return 0;
        });
    }
}
