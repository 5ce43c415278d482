package dev.workerhost.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built distribution as an operator uses it: one host on the embedded defaults, commands from a second process.
 */
class EmbeddedDistributionIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void pluginsCommandDescribesEveryShippedPlugin() throws Exception {
        Distribution dist = Distribution.copyTo(temp);

        CommandResult result = dist.run(Map.of(), "plugins", "--json");

        assertThat(result.exitCode()).as("%s", result).isZero();
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.path("ok").asBoolean()).isTrue();
        assertThat(report.path("plugins")).extracting(plugin -> plugin.path("name").asText())
                .containsExactlyInAnyOrder("billing", "plan", "task");
        for (JsonNode plugin : report.path("plugins")) {
            assertThat(plugin.path("state").asText()).as("%s", plugin).isEqualTo("LOADED");
            assertThat(plugin.path("cause").isNull()).as("%s", plugin).isTrue();
            assertThat(plugin.path("warnings")).as("%s", plugin).isEmpty();
            assertThat(texts(plugin, "task_queues")).as("%s", plugin).containsExactly(plugin.path("name").asText());
        }
        assertThat(texts(plugin(report, "billing"), "workflow_types"))
                .containsExactlyInAnyOrder("SubscriptionBillingWorkflow", "BillingSchedulerWorkflow");
        assertThat(texts(plugin(report, "plan"), "workflow_types")).containsExactly("PriceSyncWorkflow");
        assertThat(texts(plugin(report, "task"), "workflow_types")).containsExactly("TaskProcessingWorkflow");
        assertThat(texts(plugin(report, "task"), "activity_types")).contains("ProcessTask");
    }

    @Test
    void embeddedHostRunsTheExamplesStartedFromASecondProcess() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        int port = Distribution.freePort();
        Map<String, String> env = Map.of("JAVA_OPTS", "-Dtemporal.embedded.port=" + port + adminPort());

        try (HostProcess host = dist.start(env).awaitReady(STARTUP)) {
            String target = "127.0.0.1:" + port;

            JsonNode task = runExample(dist, "TaskProcessingWorkflow", target);
            assertThat(task.path("task_id").asText()).isEqualTo("task_demo_events");
            assertThat(task.path("processed_records").asLong()).isPositive();

            JsonNode sync = runExample(dist, "PriceSyncWorkflow", target);
            assertThat(sync.path("plan_id").asText()).isEqualTo("plan_demo");
            assertThat(sync.path("line_items_created").asLong()).isPositive();

            JsonNode billing = runExample(dist, "SubscriptionBillingWorkflow", target);
            assertThat(billing.path("invoices_created").asLong()).isPositive();

            host.terminate();
            CommandResult stopped = host.awaitExit();
            assertThat(stopped.exitCode()).as("%s", stopped).isZero();
        }
    }

    @Test
    void workflowStartRefusesAMegabyteIdAndANullInputBeforeAnythingIsSent() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        String nobody = "127.0.0.1:" + Distribution.freePort();
        Path big = Files.writeString(temp.resolve("big.json"), "{\"task_id\":\"" + "t".repeat(1 << 20)
                + "\",\"tenant_id\":\"tenant_demo\",\"environment_id\":\"env_demo\"}");

        CommandResult megabyte = dist.run(Map.of(), "workflow", "start", "TaskProcessingWorkflow",
                "--input", "@" + big, "--target", nobody);
        CommandResult nothing = dist.run(Map.of(), "workflow", "start", "TaskProcessingWorkflow",
                "--input", "null", "--target", nobody);

        assertThat(megabyte.exitCode()).as("%s", megabyte).isEqualTo(1);
        assertThat(megabyte.stderr()).contains("invalid input: task_id is 1048576 characters long, more than 255")
                .hasSizeLessThan(4_000);
        assertThat(nothing.exitCode()).as("%s", nothing).isEqualTo(1);
        assertThat(nothing.stderr()).contains("invalid input: the input of TaskProcessingWorkflow is required");
    }

    @Test
    void aDefaultStartListensOnLoopbackOnly() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        int port = Distribution.freePort();
        int adminPort = Distribution.freePort();

        try (HostProcess host = dist.start(Map.of("JAVA_OPTS", "-Dtemporal.embedded.port=" + port
                + " -Dhost.admin.port=" + adminPort)).awaitReady(STARTUP)) {
            List<ListeningSockets.Listener> listeners = ListeningSockets.of(host.pid());

            assertThat(listeners).as("the embedded Temporal server and the admin API listen")
                    .anySatisfy(listener -> assertThat(listener.port()).isEqualTo(port))
                    .anySatisfy(listener -> assertThat(listener.port()).isEqualTo(adminPort));
            assertThat(listeners).as("no listener beyond loopback (the H2 database opens none)")
                    .allSatisfy(listener -> assertThat(listener.isLoopback()).as("%s", listener).isTrue());
            Optional<InetAddress> network = networkAddress();
            assumeTrue(network.isPresent(), "this machine has a network address besides loopback");
            assertThatThrownBy(() -> new Socket(network.get(), port).close())
                    .as("connecting to %s:%d", network.get(), port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void brokenPluginJarIsNamedRefusedInFailModeAndSkippedInSkipMode() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        dist.addPluginNamingAMissingModule("broken-plugin.jar");
        int port = Distribution.freePort();

        CommandResult check = dist.run(Map.of(), "plugins");
        assertThat(check.exitCode()).as("%s", check).isEqualTo(1);
        assertThat(check.stdout() + check.stderr()).contains("broken-plugin.jar", Distribution.MISSING_MODULE);

        CommandResult refused = dist.run(Map.of("JAVA_OPTS", "-Dtemporal.embedded.port=" + port + adminPort()), "run");
        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.stdout() + refused.stderr()).contains("broken-plugin.jar");

        Map<String, String> skip = Map.of(
                "JAVA_OPTS", "-Dtemporal.embedded.port=" + port + " -Dhost.on-plugin-failure=skip" + adminPort());
        try (HostProcess host = dist.start(skip).awaitReady(STARTUP)) {
            assertThat(host.output()).contains("broken-plugin.jar");
            JsonNode sync = runExample(dist, "PriceSyncWorkflow", "127.0.0.1:" + port);
            assertThat(sync.path("plan_id").asText()).isEqualTo("plan_demo");
        }
    }

    /** A free port for the admin API: tests never listen on the default 8233, which a real host may hold. */
    private static String adminPort() {
        return " -Dhost.admin.port=" + Distribution.freePort();
    }

    private static JsonNode runExample(Distribution dist, String workflowType, String target) throws IOException {
        CommandResult result = dist.run(Map.of(), "workflow", "start", workflowType,
                "--input", "@" + dist.resolve("examples/" + workflowType + ".json"), "--wait", "--target", target);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return JSON.readTree(result.stdout());
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static JsonNode plugin(JsonNode report, String name) {
        for (JsonNode plugin : report.path("plugins")) {
            if (plugin.path("name").asText().equals(name)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + name + " in " + report);
    }

    private static List<String> texts(JsonNode plugin, String field) {
        List<String> texts = new ArrayList<>();
        plugin.path(field).forEach(element -> texts.add(element.asText()));
        return texts;
    }
}
