package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.WorkflowInputs;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.host.temporal.TemporalInBackground;
import dev.workerhost.host.temporal.TemporalWorkflowStarter;
import dev.workerhost.host.temporal.WorkflowOutcome;
import dev.workerhost.host.temporal.WorkflowOutcomes;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.Validation;
import dev.workerhost.spi.ValidationError;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worker-host workflow start TYPE}: finds the type's task queue, defaults and input type by loading the
 * plugins offline, parses and validates the input before anything is sent, then starts the workflow. The connection
 * to Temporal is set up meanwhile on a thread of its own: it and the plugins are each about a third of the command's
 * time, and a refused input or type closes it unused.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Start a workflow by type name; prints {workflow_id, run_id, task_queue},"
                + " or with --wait only the workflow's result.")
final class WorkflowStartCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TYPE", description = "The workflow type, e.g. TaskProcessingWorkflow.")
    String workflowType;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The input as JSON text, or @ and a file.")
    String input;

    @Option(names = "--id", paramLabel = "ID", description = "The workflow id (default: derived by the type, or random).")
    String workflowId;

    @Option(names = "--task-queue", paramLabel = "Q",
            description = "The type's task queue (any other is refused: no worker there knows the type).")
    String taskQueue;

    @Option(names = "--wait", description = "Wait for the result and print it as JSON; exit 1 if the workflow failed.")
    boolean await;

    @Mixin
    TargetOption target;

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        try (TemporalInBackground temporal = target.connectInBackground(config)) {
            return startChecked(config, temporal);
        }
    }

    private int startChecked(Config config, TemporalInBackground temporal) throws Exception {
        PluginRegistry registry = options.loadPluginsOffline(config);
        PrintWriter err = spec.commandLine().getErr();
        WorkflowRegistration workflow = registry.workflow(workflowType).orElse(null);
        if (workflow == null) {
            return fail(err, "unknown workflow type " + workflowType + "; known types: " + registry.workflowTypes());
        }
        StartOptions startOptions = startOptions();
        Object parsed;
        try {
            if (workflowId != null) {
                Validation.requireId(workflowId, "--id");
            }
            parsed = WorkflowInputs.parse(workflow, inputText());
            WorkflowInputs.validate(workflow, parsed);
        } catch (ValidationError e) {
            return fail(err, "invalid input: " + e.getMessage() + " (" + e.hint() + ")");
        }
        try {
            TemporalWorkflowStarter.requireItsTaskQueue(workflow, startOptions);
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        return startAndReport(temporal.await(), registry, parsed, startOptions, err);
    }

    private StartOptions startOptions() {
        StartOptions startOptions = StartOptions.defaults();
        if (workflowId != null) {
            startOptions = startOptions.withWorkflowId(workflowId);
        }
        if (taskQueue != null) {
            startOptions = startOptions.withTaskQueue(taskQueue);
        }
        return startOptions;
    }

    private int startAndReport(WorkflowClient client, PluginRegistry registry, Object parsed,
            StartOptions startOptions, PrintWriter err) throws Exception {
        StartedWorkflow started;
        try {
            started = new TemporalWorkflowStarter(client, registry).start(workflowType, parsed, startOptions);
        } catch (WorkflowExecutionAlreadyStarted e) {
            String id = e.getExecution().getWorkflowId();
            return fail(err, "workflow " + id + " is already running; wait for it to finish"
                    + " (worker-host workflow show " + id + ") or end it (worker-host workflow terminate " + id + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!await) {
            Map<String, String> startedJson = new LinkedHashMap<>();
            startedJson.put("workflow_id", started.workflowId());
            startedJson.put("run_id", started.runId());
            startedJson.put("task_queue", started.taskQueue());
            out.println(Json.writer().writeValueAsString(startedJson));
            out.flush();
            return 0;
        }
        // Standard output carries only the result, so it can be piped; where it runs goes to standard error.
        err.println("started workflow " + started.workflowId() + " (run " + started.runId() + ") on task queue "
                + started.taskQueue() + "; waiting for its result");
        err.flush();
        WorkflowOutcome outcome = new WorkflowOutcomes(client).await(started.workflowId(), started.runId());
        if (outcome.failed()) {
            return fail(err, "workflow " + started.workflowId() + " failed: " + outcome.failure());
        }
        out.println(Json.writer().withDefaultPrettyPrinter().writeValueAsString(outcome.result()));
        out.flush();
        return 0;
    }

    private String inputText() {
        if (input != null && input.startsWith("@")) {
            Path file = Path.of(input.substring(1));
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new ValidationError("cannot read the input file " + file + ": " + e,
                        "pass --input @FILE with a readable JSON file, or the JSON itself");
            }
        }
        return input;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return 1;
    }
}
