package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.workerhost.host.cli.WorkerHostCli;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.RecordedLog;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartedWorkflow;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * One in-process host on the embedded Temporal server (free port, real workers) running two plugins that carry
 * different versions of one library class and a plugin that relays their greetings, beside a plugin whose register
 * fails, one whose start fails, one whose start outlasts {@code host.plugin-start-timeout} and two that claim one task
 * queue, all skipped under {@code on-plugin-failure = skip}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostTest {

    private Path home;
    private Path plugins;
    private int port;
    private Host host;
    private List<ILoggingEvent> startLog;

    @BeforeAll
    void startHost() throws Exception {
        home = Files.createTempDirectory("worker-host-home");
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterFolder(plugins, "alpha", greeter("alpha"), "v1");
        Fixtures.greeterJar(plugins, "beta.jar", greeter("beta"), "v2");
        Fixtures.relayJar(plugins, "relay.jar");
        Fixtures.brokenJar(plugins, "broken.jar", "fixture.broken.ThrowingRegisterModule");
        Fixtures.brokenJar(plugins, "unstartable.jar", "fixture.broken.ThrowingStartModule");
        Fixtures.brokenJar(plugins, "blocking.jar", "fixture.broken.BlockingStartModule");
        Fixtures.greeterJar(plugins, "a-claim.jar", greeter("claim-a", "contested-queue", "Greet-claim-a"), "v1");
        Fixtures.greeterJar(plugins, "zz-claim.jar", greeter("claim-z", "contested-queue", "Greet-claim-z"), "v1");
        port = FreePort.find();
        Config config = TestConfigs.config(home, Map.of(
                "host.plugins-dir", plugins.toString(),
                "host.on-plugin-failure", "skip",
                "host.shutdown-timeout", "5s",
                "host.plugin-start-timeout", "1s",
                "temporal.embedded.port", String.valueOf(port)));
        Logger hostLog = (Logger) LoggerFactory.getLogger(PluginLifecycle.class);
        hostLog.setLevel(Level.DEBUG);
        try (RecordedLog log = RecordedLog.all()) {
            host = Host.start(config, TestConfigs.settings(config, home));
            startLog = log.events();
        } finally {
            hostLog.setLevel(null);
        }
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void eachPluginRunsWithItsOwnVersionOfTheSameLibraryClass() {
        assertThat(greet("alpha").get("greeting").asText()).isEqualTo("v1: hello Ada");
        assertThat(greet("beta").get("greeting").asText()).isEqualTo("v2: hi Ada");
    }

    @Test
    void workflowsAndActivitiesRunWithThePluginsLoaderAsContextClassLoader() {
        JsonNode result = greet("alpha");

        assertThat(result.get("workflow_context_loader").asBoolean()).isTrue();
        assertThat(result.get("activity_context_loader").asBoolean()).isTrue();
    }

    @Test
    void aPluginWaitsForAWorkflowItStartedAndUsesTheTypesTemporalsApiIsBuiltOn() throws Exception {
        Object input = Json.copy().convertValue(Map.of("workflow_type", "Greet-alpha", "name", "Ada"),
                host.registry().workflow("Relay").orElseThrow().inputType().orElseThrow());

        StartedWorkflow relay = host.workflows().start("Relay", input);

        assertThat(relay.result(String.class, Duration.ofSeconds(30))).isEqualTo("v1: hello Ada (relayed-by)");
    }

    @Test
    void skipModeRunsTheHealthyPluginsAndReportsTheBrokenOne() {
        assertThat(host.registry().descriptors())
                .filteredOn(descriptor -> descriptor.state() == PluginState.STARTED)
                .extracting(PluginDescriptor::name).containsExactlyInAnyOrder("alpha", "beta", "relay");
        assertThat(host.registry().broken()).extracting(PluginDescriptor::problem).satisfiesExactlyInAnyOrder(
                problem -> assertThat(problem).contains("broken.jar", "register exploded on purpose"),
                problem -> assertThat(problem).contains("unstartable.jar", "start failed", "start exploded on purpose"),
                problem -> assertThat(problem).contains("blocking.jar", "start did not finish within 1 s "
                        + "(host.plugin-start-timeout)"),
                problem -> assertThat(problem).contains("a-claim.jar", "task queue contested-queue"),
                problem -> assertThat(problem).contains("zz-claim.jar", "task queue contested-queue"));
    }

    @Test
    void eachPluginStartIsLoggedWithItsDuration() {
        assertThat(startLog).extracting(ILoggingEvent::getFormattedMessage)
                .contains("starting plugin alpha", "starting plugin blocking-start")
                .anyMatch(message -> message.matches("plugin alpha started in \\d+ ms"))
                .noneMatch(message -> message.startsWith("plugin blocking-start started"));
    }

    @Test
    void inSkipModeNoClaimantOfAContestedNameServesIt() {
        assertThat(host.registry().queues()).extracting("taskQueue").containsExactlyInAnyOrder("alpha-queue", "beta-queue", "relay-queue");
        assertThat(host.registry().workflow("Greet-claim-a")).isEmpty();
        assertThat(host.registry().workflow("Greet-claim-z")).isEmpty();
    }

    @Test
    void eachBrokenPluginIsLoggedOnceWithItsStackTraceAtDebug() {
        for (String plugin : List.of("throwing-register", "throwing-start", "blocking-start", "claim-a")) {
            List<ILoggingEvent> aboutIt = startLog.stream()
                    .filter(event -> event.getFormattedMessage().startsWith("plugin " + plugin + " (")
                            || event.getFormattedMessage().startsWith("skipping plugin " + plugin + " ("))
                    .toList();
            assertThat(aboutIt).as(plugin).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
                    .singleElement().satisfies(event -> assertThat(event.getThrowableProxy()).isNull());
            if (!plugin.equals("claim-a")) {
                assertThat(aboutIt).as(plugin).filteredOn(event -> event.getLevel() == Level.DEBUG)
                        .singleElement().satisfies(event -> assertThat(event.getThrowableProxy()).isNotNull());
            }
        }
    }

    @Test
    void failModeRefusesToStartWhenAPluginIsBroken() throws Exception {
        Config config = TestConfigs.config(home, Map.of(
                "host.plugins-dir", plugins.toString(),
                "host.on-plugin-failure", "fail",
                "temporal.embedded.port", String.valueOf(FreePort.find())));

        assertThatThrownBy(() -> Host.start(config, TestConfigs.settings(config, home)))
                .isInstanceOf(HostStartException.class)
                .hasMessageContaining("broken.jar")
                .hasMessageContaining("register exploded on purpose");
    }

    @Test
    void aRunningWorkflowIdCannotBeStartedTwiceButAFinishedOneCanBeReused() {
        StartedWorkflow first = host.workflows().start(Fixtures.workflowType("alpha"),
                Json.copy().convertValue(Map.of("name", "Bo"), inputType("alpha")),
                dev.workerhost.spi.StartOptions.defaults().withWorkflowId("reuse-me"));
        host.client().newUntypedWorkflowStub(first.workflowId(), Optional.of(first.runId()), Optional.empty())
                .getResult(JsonNode.class);

        StartedWorkflow second = host.workflows().start(Fixtures.workflowType("alpha"),
                Json.copy().convertValue(Map.of("name", "Bo"), inputType("alpha")),
                dev.workerhost.spi.StartOptions.defaults().withWorkflowId("reuse-me"));

        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.taskQueue()).isEqualTo("alpha-queue");
    }

    @Test
    void cliStartWithWaitPrintsOnlyTheResultAsJsonAndWhereItRanOnStandardError() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(err),
                "workflow", "start", Fixtures.workflowType("beta"), "--input", "{\"name\":\"Cy\"}", "--wait",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + port);

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Json.reader().readTree(out.toString()).get("greeting").asText()).isEqualTo("v2: hi Cy");
        assertThat(err.toString()).contains("started workflow Greet-beta-", "task queue beta-queue");
    }

    @Test
    void cliShowPrintsStatusAndResultOfAnExecution() throws Exception {
        StartedWorkflow started = host.workflows().start(Fixtures.workflowType("alpha"),
                Json.copy().convertValue(Map.of("name", "Di"), inputType("alpha")));
        host.client().newUntypedWorkflowStub(started.workflowId()).getResult(JsonNode.class);
        StringWriter out = new StringWriter();

        int exit = WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()),
                "workflow", "show", started.workflowId(), "--target", "127.0.0.1:" + port);

        assertThat(exit).isZero();
        JsonNode shown = Json.reader().readTree(out.toString());
        assertThat(shown.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(shown.get("workflow_type").asText()).isEqualTo("Greet-alpha");
        assertThat(shown.get("result").get("greeting").asText()).isEqualTo("v1: hello Di");
    }

    private Class<?> inputType(String plugin) {
        return host.registry().workflow(Fixtures.workflowType(plugin)).orElseThrow().inputType().orElseThrow();
    }

    private JsonNode greet(String plugin) {
        Object input = Json.copy().convertValue(Map.of("name", "Ada"), inputType(plugin));
        StartedWorkflow started = host.workflows().start(Fixtures.workflowType(plugin), input);
        WorkflowStub stub = host.client().newUntypedWorkflowStub(
                started.workflowId(), Optional.of(started.runId()), Optional.empty());
        return stub.getResult(JsonNode.class);
    }
}
