package dev.workerhost.host.cli;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.spi.Json;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ending running work from the command line, against a real (embedded) Temporal server where no worker polls, so a
 * started workflow stays running until a command ends it.
 */
class WorkflowControlTest {

    private static EmbeddedTemporalServer server;
    private static String target;

    @TempDir
    Path home;

    private Path plugins;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startServer() {
        int port = FreePort.find();
        server = EmbeddedTemporalServer.start("127.0.0.1", port);
        target = "127.0.0.1:" + port;
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void pluginsFolder() throws Exception {
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    private void startRunning(String workflowId) {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\"}", "--id", workflowId,
                "--plugins-dir", plugins.toString(), "--target", target);
        assertThat(exit).as(err.toString()).isZero();
    }

    @Test
    void aTaskQueueThatIsNotTheTypesIsRefusedBeforeAnythingIsSent() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\"}", "--task-queue", "beta-queue",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("workflow type Greet-alpha runs on task queue alpha-queue, not beta-queue");
    }

    @Test
    void aSecondStartOfARunningIdIsRefusedNamingHowToEndIt() {
        startRunning("held-open");

        int second = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ed\"}", "--id", "held-open",
                "--plugins-dir", plugins.toString(), "--target", target);

        assertThat(second).isEqualTo(1);
        assertThat(err.toString()).contains("workflow held-open is already running",
                "worker-host workflow terminate held-open");
    }

    @Test
    void terminateEndsARunningWorkflowAtOnceWithItsReason() throws Exception {
        startRunning("to-terminate");

        int exit = run("workflow", "terminate", "to-terminate", "--reason", "started by mistake", "--target", target);

        assertThat(exit).as(err.toString()).isZero();
        JsonNode outcome = Json.reader().readTree(out.toString());
        assertThat(outcome.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(outcome.get("failure").asText()).contains("started by mistake");
    }

    @Test
    void cancelAsksARunningWorkflowToCancel() throws Exception {
        startRunning("to-cancel");

        int exit = run("workflow", "cancel", "to-cancel", "--target", target);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("cancellation of workflow to-cancel requested");
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
        try {
            assertThat(WorkflowClient.newInstance(stubs).fetchHistory("to-cancel").getEvents())
                    .anySatisfy(event -> assertThat(event.getEventType())
                            .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED));
        } finally {
            stubs.shutdown();
        }
    }

    @Test
    void endingAnUnknownOrClosedWorkflowSaysItIsNotRunning() {
        startRunning("closed-already");
        assertThat(run("workflow", "terminate", "closed-already", "--target", target)).isZero();

        assertThat(run("workflow", "terminate", "closed-already", "--target", target)).isEqualTo(1);
        assertThat(err.toString()).contains("error: no running workflow with id closed-already");
        assertThat(run("workflow", "cancel", "no-such-workflow", "--target", target)).isEqualTo(1);
        assertThat(err.toString()).contains("error: no running workflow with id no-such-workflow");
        assertThat(run("workflow", "show", "no-such-workflow", "--target", target)).isEqualTo(1);
        assertThat(err.toString()).contains("error: no workflow with id no-such-workflow");
    }

    @Test
    void theIdIsRequiredAndEachCommandHasHelp() {
        assertThat(run("workflow", "terminate", "--target", target)).isEqualTo(2);
        assertThat(run("workflow", "cancel", "--help")).isZero();
        assertThat(out.toString()).contains("ID", "--target");
        assertThat(run("workflow", "terminate", "--help")).isZero();
        assertThat(out.toString()).contains("--reason", "--target");
    }
}
