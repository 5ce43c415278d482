package dev.workerhost.dist;

import static dev.workerhost.dist.AdminClient.assertStatus;
import static dev.workerhost.dist.AdminClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.testing.Fixtures;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live plugins on the built distribution, one {@code bin/worker-host} process watching its plugins folder (the
 * shipped plugins turned off, so it starts fast): a plugin copied in, one taken out while its activity runs, and
 * upgrades that are taken or refused by replaying an open workflow. Each test works on a stepper plugin of its own
 * (see {@link Fixtures#stepperJar}); the test talks to Temporal directly only to signal a workflow and read its
 * history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePluginsDistributionIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private Path plugins;
    private HostProcess host;
    private AdminClient admin;
    private WorkflowServiceStubs service;
    private WorkflowClient temporal;

    @BeforeAll
    void startHost() {
        Distribution dist = Distribution.copyTo(temp);
        plugins = dist.resolve("plugins");
        Fixtures.stepperJar(plugins.resolve("leaving.jar"), "leaving", "1.0", true);
        Fixtures.stepperJar(plugins.resolve("refusing.jar"), "refusing", "1.0", true);
        Fixtures.stepperJar(plugins.resolve("upgrading.jar"), "upgrading", "1.0", true);
        int temporalPort = Distribution.freePort();
        int adminPort = Distribution.freePort();
        host = dist.start(Map.of("JAVA_OPTS", "-Dtemporal.embedded.port=" + temporalPort
                + " -Dhost.admin.port=" + adminPort + " -Dhost.shutdown-timeout=20s"
                + " -Dplugins.task.enabled=false -Dplugins.plan.enabled=false -Dplugins.billing.enabled=false"))
                .awaitReady(STARTUP);
        admin = new AdminClient(adminPort, Optional.empty());
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + temporalPort).build());
        temporal = WorkflowClient.newInstance(service);
    }

    @AfterAll
    void stopHost() {
        if (service != null) {
            service.shutdownNow();
        }
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aPluginCopiedIntoTheRunningHostsFolderRunsItsWorkflowWithinTenSeconds() throws Exception {
        Path built = Fixtures.stepperJar(temp.resolve("dropped.jar"), "dropped", "1.0", true);

        Instant copied = Instant.now();
        Files.copy(built, plugins.resolve("dropped.jar"));
        awaitLatestChange("dropped", "ADDED");
        JsonNode outcome = awaitCompleted(start("Step-dropped", input("Ada", 0, false)));

        assertThat(Duration.between(copied, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(outcome.path("result").path("second").asText()).isEqualTo("1.0 step for Ada");
    }

    @Test
    void aRemovedPluginsRunningActivityFinishesAndThenItsTypeIsNoLongerServed() throws Exception {
        String workflowId = start("Step-leaving", input("Bo", 6000, false));
        host.awaitOutput("step started for Bo on leaving 1.0", SOON);

        Files.delete(plugins.resolve("leaving.jar"));

        host.awaitOutput("plugin leaving 1.0 (" + plugins.resolve("leaving.jar") + ") removed", SOON);
        host.awaitOutput("plugin leaving 1.0 drained and unloaded", SOON);
        assertThat(host.output()).contains("step finished for Bo on leaving 1.0");
        assertThat(temporal.fetchHistory(workflowId).getEvents())
                .anyMatch(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
        assertStatus(admin.post("/workflows/Step-leaving", input("Cy", 0, false)), 404);
        assertThat(json(admin.get("/workflows/" + workflowId)).path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void anUpgradeToACompatibleVersionServesTheNewCodeWhileAWorkflowStartedOnTheOldOneCompletes() throws Exception {
        String workflowId = startAndAwaitFirstStep("upgrading");

        replace("upgrading", "2.0", true);

        awaitLatestChange("upgrading", "UPGRADED");
        temporal.newUntypedWorkflowStub(workflowId).signal("release");
        JsonNode result = awaitCompleted(workflowId).path("result");
        assertThat(result.path("first").asText()).isEqualTo("1.0 step for Ada");
        assertThat(result.path("second").asText()).isEqualTo("2.0 step for Ada");
    }

    @Test
    void anUpgradeThatChangesARunningWorkflowsCommandsIsRefusedAndTheOldVersionKeepsServing() throws Exception {
        String workflowId = startAndAwaitFirstStep("refusing");

        replace("refusing", "2.0", false);

        JsonNode refusal = awaitLatestChange("refusing", "UPGRADE_REFUSED");
        assertThat(refusal.path("detail").asText()).contains("workflow " + workflowId + " (Step-refusing)",
                "does not replay on version 2.0", "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED");
        temporal.newUntypedWorkflowStub(workflowId).signal("release");
        JsonNode result = awaitCompleted(workflowId).path("result");
        assertThat(result.path("second").asText()).isEqualTo("1.0 step for Ada");
        JsonNode served = awaitCompleted(start("Step-refusing", input("Di", 0, false)));
        assertThat(served.path("result").path("second").asText()).isEqualTo("1.0 step for Di");
    }

    /** Starts a workflow that waits for a release after its first step, and waits for that step to finish. */
    private String startAndAwaitFirstStep(String plugin) {
        String workflowId = start("Step-" + plugin, input("Ada", 0, true));
        host.awaitOutput("step finished for Ada on " + plugin + " 1.0", SOON);
        return workflowId;
    }

    /** Moves a new version of the plugin over its jar, in one step, as an operator does. */
    private void replace(String plugin, String version, boolean compatible) throws Exception {
        Path next = Fixtures.stepperJar(temp.resolve(plugin + "-" + version + ".jar"), plugin, version, compatible);
        Files.move(next, plugins.resolve(plugin + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    private JsonNode awaitLatestChange(String plugin, String change) {
        HttpResponse<String> plugins = admin.await("/plugins", response -> {
            JsonNode history = json(response).path("history").path(plugin);
            return history.size() > 0 && history.get(history.size() - 1).path("change").asText().equals(change);
        }, "plugin " + plugin + " " + change, SOON);
        JsonNode history = json(plugins).path("history").path(plugin);
        return history.get(history.size() - 1);
    }

    private String start(String type, String input) {
        HttpResponse<String> started = admin.post("/workflows/" + type, input);
        assertStatus(started, 202);
        return json(started).path("workflow_id").asText();
    }

    /** The stepper's input: a step of {@code stepMillis}, and a wait for signal {@code release} if asked. */
    private static String input(String name, int stepMillis, boolean waitForRelease) {
        return "{\"name\":\"" + name + "\",\"step_millis\":" + stepMillis + ",\"wait_for_release\":"
                + waitForRelease + "}";
    }

    private JsonNode awaitCompleted(String workflowId) {
        return json(admin.await("/workflows/" + workflowId,
                response -> json(response).path("status").asText().equals("COMPLETED"),
                workflowId + " completed", SOON));
    }
}
