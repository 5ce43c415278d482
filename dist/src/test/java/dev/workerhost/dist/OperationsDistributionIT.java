package dev.workerhost.dist;

import static dev.workerhost.dist.AdminClient.assertStatus;
import static dev.workerhost.dist.AdminClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees of a running distribution: the admin API over HTTP, readiness following Temporal, Prometheus
 * metrics, JSON logs, the configuration and the versions.
 */
class OperationsDistributionIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXAMPLES = List.of(
            "TaskProcessingWorkflow", "PriceSyncWorkflow", "SubscriptionBillingWorkflow", "BillingSchedulerWorkflow");

    @TempDir
    Path temp;

    @Test
    void readinessFollowsTemporalAsADevServerStartsStopsAndComesBack() {
        Distribution dist = Distribution.copyTo(temp.resolve("host"));
        Distribution serverDist = Distribution.copyTo(temp.resolve("server"));
        int temporalPort = Distribution.freePort();
        int adminPort = Distribution.freePort();
        AdminClient admin = new AdminClient(adminPort, Optional.empty());
        Map<String, String> env = Map.of("TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort,
                "JAVA_OPTS", "-Dhost.admin.port=" + adminPort + " -Dplugins.billing.schedule=");
        try (HostProcess host = dist.start(env)) {
            admin.await("/health", response -> response.statusCode() == 200, "health answers", STARTUP);
            HttpResponse<String> waiting = admin.await("/ready", response -> response.statusCode() == 503,
                    "not ready while Temporal is absent", STARTUP);
            assertThat(json(waiting).path("missing").toString()).contains("Temporal at 127.0.0.1:" + temporalPort);

            try (HostProcess server = startDevServer(serverDist, temporalPort)) {
                awaitReady(admin);
                assertThat(admin.get("/health").statusCode()).isEqualTo(200);
            }
            HttpResponse<String> gone = admin.await("/ready", response -> response.statusCode() == 503,
                    "not ready once Temporal went away", STARTUP);
            assertThat(json(gone).path("missing").toString()).contains("does not answer");
            assertThat(admin.get("/health").statusCode()).as("health answers while Temporal is down").isEqualTo(200);

            try (HostProcess server = startDevServer(serverDist, temporalPort)) {
                awaitReady(admin);
            }
        }
    }

    @Test
    void examplesStartedOverHttpShowInTheMetricsAndTheLogIsJsonLines() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        int adminPort = Distribution.freePort();
        AdminClient admin = new AdminClient(adminPort, Optional.of("ops-token"));
        Map<String, String> env = Map.of("WORKER_HOST_ADMIN_TOKEN", "ops-token", "WORKER_HOST_LOG_FORMAT", "json",
                "JAVA_OPTS", "-Dtemporal.embedded.port=" + Distribution.freePort() + " -Dhost.admin.port=" + adminPort);
        try (HostProcess host = dist.start(env).awaitReady(STARTUP)) {
            awaitReady(admin);
            for (String type : EXAMPLES) {
                HttpResponse<String> started = admin.post("/workflows/" + type,
                        Files.readString(dist.resolve("examples/" + type + ".json")));
                assertStatus(started, 202);
                String id = json(started).path("workflow_id").asText();
                HttpResponse<String> outcome = admin.await("/workflows/" + id,
                        response -> json(response).path("status").asText().equals("COMPLETED"),
                        type + " completed", STARTUP);
                assertThat(json(outcome).has("result")).isTrue();
            }

            // The SDK hands its meters over every second: wait until every queue's completions are there.
            List<Pattern> perQueue = new ArrayList<>();
            for (String queue : List.of("task", "plan", "billing")) {
                perQueue.add(Pattern.compile("temporal_workflow_completed_total\\{[^}]*task_queue=\"" + queue + "\""));
                perQueue.add(Pattern.compile(
                        "temporal_activity_execution_latency_seconds_count\\{[^}]*task_queue=\"" + queue + "\""));
            }
            String metrics = admin.await("/metrics",
                    response -> perQueue.stream().allMatch(series -> series.matcher(response.body()).find()),
                    "SDK metrics of every task queue", STARTUP).body();
            // The plugins' own meters, each tagged by its plugin (the demo rows give 20 imported events, 4 line items
            // and 2 invoices).
            assertThat(metrics)
                    .containsPattern("task_import_rows_total\\{entity_type=\"EVENTS\",outcome=\"written\",plugin=\"task\"}"
                            + " 20(\\.0)?\\n")
                    .containsPattern("plan_sync_line_items_total\\{action=\"created\",plugin=\"plan\"} [1-9]")
                    // billing.invoices.created: Prometheus reserves the _created suffix, so the name loses it
                    .containsPattern("billing_invoices_total\\{plugin=\"billing\"} [1-9]")
                    .containsPattern("billing_invoice_amount_count\\{currency=\"[A-Z]{3}\",plugin=\"billing\"} [1-9]");
            assertThat(metrics).contains("worker_host_plugins{state=\"STARTED\"} 3",
                    "worker_host_task_queue_workers{plugin=\"task\",task_queue=\"task\"} 1",
                    "worker_host_plugin_start_seconds_count{plugin=\"billing\"} 1",
                    "jvm_gc_", "process_uptime_seconds");

            host.terminate();
            CommandResult stopped = host.awaitExit();
            assertThat(stopped.exitCode()).as("%s", stopped).isZero();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : stopped.stderr().lines().toList()) {
                lines.add(parseJson(line));
            }
            assertThat(lines).anySatisfy(line ->
                    assertThat(line.path("formattedMessage").asText()).isEqualTo("worker-host ready"));
            assertThat(lines).as("a line written by plugin code inside an activity").anySatisfy(line -> {
                assertThat(line.path("formattedMessage").asText()).startsWith("billing scheduler pass");
                assertThat(line.path("mdc").path("plugin").asText()).isEqualTo("billing");
                assertThat(line.path("mdc").path("task_queue").asText()).isEqualTo("billing");
                assertThat(line.path("mdc").path("workflow_id").asText()).isNotBlank();
                assertThat(line.path("mdc").path("run_id").asText()).isNotBlank();
            });
        }
    }

    @Test
    void aPublicAdminBindWithoutATokenRefusesToStartWithOneLine() {
        Distribution dist = Distribution.copyTo(temp);

        CommandResult refused = dist.run(Map.of("JAVA_OPTS",
                "-Dhost.admin.bind=0.0.0.0 -Dhost.admin.port=" + Distribution.freePort()), "run");

        assertThat(refused.exitCode()).as("%s", refused).isEqualTo(1);
        assertThat(refused.stderr().lines()).singleElement().satisfies(line -> assertThat(line)
                .contains("ERROR", "refusing to bind the admin API to 0.0.0.0 without a token",
                        "host.admin.token"));
    }

    @Test
    void versionNamesTheHostTheSpiAndTheTemporalSdk() {
        CommandResult version = Distribution.copyTo(temp).run(Map.of(), "--version");

        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.stdout()).contains("worker-host 0.1.0-SNAPSHOT", "SPI 2", "Temporal Java SDK 1.");
    }

    @Test
    void configShowsEveryKeyWithItsOriginAndNoSecret() throws Exception {
        Distribution dist = Distribution.copyTo(temp);
        Map<String, String> secrets = Map.of("WORKER_HOST_DB_PASSWORD", "hunter2-db", "TEMPORAL_API_KEY", "key-123abc",
                "WORKER_HOST_ADMIN_TOKEN", "token-9xyz");

        CommandResult text = dist.run(secrets, "config");
        CommandResult json = dist.run(secrets, "config", "--json");

        assertThat(text.exitCode()).as("%s", text).isZero();
        assertThat(text.stdout() + json.stdout()).doesNotContain("hunter2-db", "key-123abc", "token-9xyz");
        assertThat(text.stdout()).contains(
                "datasources.default.password = \"<redacted>\"",
                "temporal.api-key = \"<redacted>\"",
                "host.admin.token = \"<redacted>\"");
        assertThat(text.stdout()).containsPattern(
                "plugins\\.task\\.chunk-size = 10000  # reference\\.conf in task-[^ ]+\\.jar:\\d+");
        assertThat(text.stdout()).containsPattern("host\\.admin\\.port = 8233  # reference\\.conf in worker-host\\.jar:\\d+");
        JsonNode entries = JSON.readTree(json.stdout());
        assertThat(entries.findValuesAsText("key")).contains("temporal.target", "plugins.billing.schedule");
    }

    private static void awaitReady(AdminClient admin) {
        HttpResponse<String> ready = admin.await("/ready", response -> response.statusCode() == 200, "ready", STARTUP);
        assertThat(json(ready).path("ready").asBoolean()).isTrue();
    }

    private static HostProcess startDevServer(Distribution server, int port) {
        return server.start(Map.of(), "dev-server", "--port", String.valueOf(port))
                .awaitOutput(String.valueOf(port), STARTUP);
    }

    private static JsonNode parseJson(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("a log line that is not JSON: " + line, e);
        }
    }
}
