package dev.workerhost.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginEvent.Change;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.RecordedLog;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.host.workers.WorkerVersioning;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.WorkflowModule;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkerDeploymentRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code workers.deployment.name} on the servers this machine has: the SDK's test server, embedded in the host or
 * reached by address (as {@code worker-host dev-server}). No Temporal cluster runs here, so what a cluster does with
 * the versions (routing to the current version, pinning) is not exercised; these tests show what the host sends
 * and that the workers serve.
 */
class WorkerVersioningHostTest {

    @Test
    void onAServerReachedByAddressEachPluginPollsAsItsOwnDeploymentVersionAndOneWithoutAVersionIsRefusedAtStartLiveOrAsAnUpgrade()
            throws Exception {
        Path home = Files.createTempDirectory("worker-host-versioning");
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.stepperJar(plugins.resolve("orders.jar"), "orders", "1.4.0", true);
        Fixtures.relayJar(plugins, "relay.jar");
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", 0)) {
            Config config = TestConfigs.config(home, Map.of(
                    "host.plugins-dir", plugins.toString(),
                    "host.shutdown-timeout", "5s",
                    "host.on-plugin-failure", "skip",
                    "temporal.target", "127.0.0.1:" + server.port(),
                    "workers.deployment.name", "shop"));
            try (RecordedLog log = RecordedLog.all();
                    Host host = Host.start(config, TestConfigs.settings(config, home))) {
                assertThat(messages(log)).contains(
                        "workers polling task queues [orders-queue] as Worker Deployment version shop-orders.1.4.0");
                PluginDescriptor relay = descriptor(host, "relay");
                assertThat(relay.state()).isEqualTo(PluginState.FAILED);
                assertThat(relay.cause()).startsWith("has no version (no Implementation-Version in its jar's "
                        + "manifest), which workers.deployment.name = shop needs as the build id of deployment "
                        + "shop-relay");

                StartedWorkflow started = host.workflows().start("Step-orders", Json.copy().convertValue(
                        Map.of("name", "Ada", "step_millis", 0, "wait_for_release", false),
                        host.registry().workflow("Step-orders").orElseThrow().inputType().orElseThrow()));
                JsonNode result = host.client().newUntypedWorkflowStub(started.workflowId(),
                        Optional.of(started.runId()), Optional.empty()).getResult(JsonNode.class);
                assertThat(result.get("first").asText()).contains("1.4.0");

                // The SDK's test server takes a versioned worker's polls, but records no version and pins nothing.
                WorkflowServiceStubs service = host.client().getWorkflowServiceStubs();
                assertThat(service.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest
                        .newBuilder().setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(started.workflowId()))
                        .build()).getWorkflowExecutionInfo().hasVersioningInfo()).isFalse();
                assertThatThrownBy(() -> service.blockingStub().describeWorkerDeployment(
                        DescribeWorkerDeploymentRequest.newBuilder().setNamespace("default")
                                .setDeploymentName("shop-orders").build()))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                                .isEqualTo(Status.Code.UNIMPLEMENTED));

                Fixtures.relayJar(plugins, "relay-live.jar");
                List<PluginEvent> added = host.reloadPlugins().orElseThrow();
                assertThat(added).singleElement().satisfies(event -> {
                    assertThat(event.change()).isEqualTo(Change.FAILED);
                    assertThat(event.detail()).startsWith("has no version");
                });

                Path unversioned = Fixtures.stepperJar(home.resolve("orders-unversioned.jar"), "orders",
                        WorkflowModule.UNVERSIONED, true);
                Files.move(unversioned, plugins.resolve("orders.jar"), StandardCopyOption.REPLACE_EXISTING);
                List<PluginEvent> upgraded = host.reloadPlugins().orElseThrow();
                assertThat(upgraded).singleElement().satisfies(event -> {
                    assertThat(event.change()).isEqualTo(Change.UPGRADE_REFUSED);
                    assertThat(event.detail()).startsWith("from 1.4.0 (").contains("): has no version");
                });
                assertThat(descriptor(host, "orders").version()).as("the old version keeps serving")
                        .isEqualTo("1.4.0");
            }
        }
    }

    @Test
    void onTheEmbeddedServerTheWorkersPollUnversionedAndTheLogSaysWhyOnce() throws Exception {
        Path home = Files.createTempDirectory("worker-host-versioning-embedded");
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.relayJar(plugins, "relay.jar");
        Config config = TestConfigs.embeddedHost(home, plugins, Map.of("workers.deployment.name", "shop"));
        try (RecordedLog log = RecordedLog.all(); Host host = Host.start(config, TestConfigs.settings(config, home))) {
            assertThat(descriptor(host, "relay").state()).as("a plugin without a version runs")
                    .isEqualTo(PluginState.STARTED);
            assertThat(log.events()).filteredOn(event -> event.getLoggerName().equals(WorkerVersioning.class.getName()))
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .startsWith("workers.deployment.name is set, but the embedded Temporal server has no worker "
                            + "versioning");
            assertThat(messages(log)).contains("workers polling task queues [relay-queue]");
        }
    }

    private static List<String> messages(RecordedLog log) {
        return log.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static PluginDescriptor descriptor(Host host, String plugin) {
        return host.registry().entries().stream().map(PluginEntry::descriptor)
                .filter(descriptor -> descriptor.name().equals(plugin)).findFirst().orElseThrow();
    }
}
