package dev.workerhost.host.admin;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.workerhost.host.runtime.Host;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The admin API of an in-process host (embedded Temporal, one greeter plugin) with a token set. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminServerTest {

    private static final String TOKEN = "s3cret-token";
    private static final String TYPE = Fixtures.workflowType("alpha");

    private final HttpClient http = HttpClient.newHttpClient();
    private Host host;
    private int adminPort;

    @BeforeAll
    void startHost() throws Exception {
        Path home = Files.createTempDirectory("worker-host-admin");
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
        adminPort = FreePort.find();
        Config config = TestConfigs.embeddedHost(home, plugins, Map.of(
                "host.admin.port", String.valueOf(adminPort),
                "host.admin.token", TOKEN));
        host = Host.start(config, TestConfigs.settings(config, home));
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void healthAnswersWithoutAToken() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, Optional.empty());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("up");
    }

    @Test
    void everyOtherPathNeedsTheRightToken() throws Exception {
        for (String path : new String[] {"/ready", "/plugins", "/metrics", "/counters", "/workflows/some-id"}) {
            HttpResponse<String> missing = send("GET", path, null, Optional.empty());
            HttpResponse<String> wrong = send("GET", path, null, Optional.of("Bearer not-" + TOKEN));
            HttpResponse<String> almost = send("GET", path, null, Optional.of("Bearer " + TOKEN + "x"));

            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(json(missing).path("error").asText()).contains("needs a bearer token");
            assertThat(json(missing).path("hint").asText()).contains("Authorization: Bearer");
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
            assertThat(json(wrong).path("error").asText()).contains("wrong");
            assertThat(almost.statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/plugins").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/plugins/reload", "", Optional.empty()).statusCode()).isEqualTo(401);
    }

    @Test
    void readyOnceEveryPluginIsStartedAndTheWorkersPoll() throws Exception {
        HttpResponse<String> ready = get("/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(json(ready).path("ready").asBoolean()).isTrue();
        assertThat(json(ready).path("missing")).isEmpty();
    }

    @Test
    void pluginsIsThePluginsDocumentWithLiveState() throws Exception {
        JsonNode plugins = json(get("/plugins"));

        assertThat(plugins.path("ok").asBoolean()).isTrue();
        JsonNode alpha = plugins.path("plugins").get(0);
        assertThat(alpha.path("name").asText()).isEqualTo("alpha");
        assertThat(alpha.path("state").asText()).isEqualTo("STARTED");
        assertThat(alpha.path("task_queues").get(0).asText()).isEqualTo("alpha-queue");
        assertThat(alpha.path("workflow_types").get(0).asText()).isEqualTo(TYPE);
        JsonNode loaded = plugins.path("history").path("alpha").get(0);
        assertThat(loaded.path("change").asText()).isEqualTo("STARTED");
        assertThat(loaded.path("version").asText()).isEqualTo("1.0-alpha");
    }

    @Test
    void reloadRescansThePluginsFolderAndAnswersWhatChanged() throws Exception {
        HttpResponse<String> reload = send("POST", "/plugins/reload", "", bearer());
        HttpResponse<String> asGet = get("/plugins/reload");

        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        assertThat(json(reload).path("changes").isArray()).isTrue();
        assertThat(json(reload).path("changes")).isEmpty();
        assertThat(asGet.statusCode()).isEqualTo(405);
    }

    @Test
    void postStartsAWorkflowAndGetShowsItsOutcome() throws Exception {
        HttpResponse<String> started = send("POST", "/workflows/" + TYPE, "{\"name\":\"Ada\"}", bearer());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode body = json(started);
        assertThat(body.path("task_queue").asText()).isEqualTo("alpha-queue");
        assertThat(body.path("run_id").asText()).isNotBlank();
        JsonNode outcome = awaitCompleted(body.path("workflow_id").asText());
        assertThat(outcome.path("result").path("greeting").asText()).isEqualTo("v1: hello Ada");
        assertThat(outcome.path("workflow_type").asText()).isEqualTo(TYPE);
    }

    @Test
    void postWithAnIdUsesIt() throws Exception {
        HttpResponse<String> started = send("POST", "/workflows/" + TYPE + "?id=chosen-id", "{\"name\":\"Bo\"}",
                bearer());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(json(started).path("workflow_id").asText()).isEqualTo("chosen-id");
    }

    @Test
    void postOfAnIdThatIsRunningIsAConflict() throws Exception {
        // Started by a plain client on a queue no worker polls ("idle-queue"), so this execution stays running.
        Object input = Json.readerFor(inputType()).readValue("{\"name\":\"Cy\"}");
        host.client().newUntypedWorkflowStub(TYPE, WorkflowOptions.newBuilder()
                .setWorkflowId("held-open").setTaskQueue("idle-queue").build()).start(input);
        try {
            HttpResponse<String> again = send("POST", "/workflows/" + TYPE + "?id=held-open", "{\"name\":\"Cy\"}",
                    bearer());

            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(json(again).path("error").asText()).isEqualTo("workflow held-open is already running");
            assertThat(json(again).path("hint").asText()).contains("GET /workflows/held-open");
        } finally {
            host.client().newUntypedWorkflowStub("held-open").terminate("test over");
        }
    }

    @Test
    void anUnknownTypeIsNotFoundWithTheKnownTypes() throws Exception {
        HttpResponse<String> unknown = send("POST", "/workflows/NoSuchWorkflow", "{}", bearer());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("unknown workflow type NoSuchWorkflow");
        assertThat(json(unknown).path("hint").asText()).contains(TYPE);
    }

    @Test
    void badInputIsRefusedWithErrorAndHintBeforeAnythingIsSent() throws Exception {
        HttpResponse<String> invalid = send("POST", "/workflows/" + TYPE, "{\"name\":\"\"}", bearer());
        HttpResponse<String> malformed = send("POST", "/workflows/" + TYPE, "{\"name\":", bearer());
        HttpResponse<String> unknownField = send("POST", "/workflows/" + TYPE, "{\"nme\":\"Ada\"}", bearer());
        HttpResponse<String> oversized = send("POST", "/workflows/" + TYPE,
                "{\"name\":\"" + "x".repeat(Exchanges.BODY_LIMIT) + "\"}", bearer());

        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("error").asText()).startsWith("invalid input: name");
        assertThat(json(invalid).path("hint").asText()).isNotBlank();
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").asText()).contains("not valid JSON");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(json(unknownField).path("error").asText()).contains("unknown field \"nme\"");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(json(oversized).path("hint").asText()).contains("1 MiB");
        for (HttpResponse<String> refused : new HttpResponse[] {invalid, malformed, unknownField, oversized}) {
            assertThat(refused.body()).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void anUnknownWorkflowIdIsNotFound() throws Exception {
        HttpResponse<String> missing = get("/workflows/no-such-execution");

        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(404);
        assertThat(json(missing).path("error").asText()).contains("no-such-execution");
    }

    @Test
    void unknownPathsAndMethodsAreRefusedAsJson() throws Exception {
        HttpResponse<String> path = get("/nothing-here");
        HttpResponse<String> method = send("DELETE", "/ready", null, bearer());
        HttpResponse<String> getOnPost = send("PUT", "/workflows/" + TYPE, "{}", bearer());

        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(json(path).path("hint").asText()).contains("/ready");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).contains("GET");
        assertThat(getOnPost.statusCode()).isEqualTo(405);
    }

    @Test
    void metricsAreInPrometheusTextWithTheHostsThePluginsTheJvmsAndTheSdksSeriesByTaskQueue() throws Exception {
        HttpResponse<String> started = send("POST", "/workflows/" + TYPE, "{\"name\":\"Ed\"}", bearer());
        awaitCompleted(json(started).path("workflow_id").asText());

        String metrics = awaitMetric("temporal_workflow_completed_total");

        assertThat(metrics)
                .contains("worker_host_plugins{state=\"STARTED\"} 1")
                .contains("worker_host_task_queue_workers{plugin=\"alpha\",task_queue=\"alpha-queue\"} 1")
                .contains("worker_host_plugin_start_seconds_count{plugin=\"alpha\"} 1")
                .containsPattern("greeter_greetings_total\\{plugin=\"alpha\"} [1-9]")
                .contains("jvm_memory_used_bytes", "process_cpu_usage")
                .containsPattern("temporal_workflow_completed_total\\{[^}]*task_queue=\"alpha-queue\"[^}]*"
                        + "workflow_type=\"" + TYPE + "\"");
    }

    @Test
    void statusPageIsServedWithoutATokenAndCountersNeedIt() throws Exception {
        HttpResponse<String> page = send("GET", "/", null, Optional.empty());
        // The SDK hands its slot gauges over once a second: right after the start they may not be there yet.
        awaitMetric("temporal_worker_task_slots_available");
        JsonNode counters = json(get("/counters"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(page.body()).contains("<title>worker-host status</title>").doesNotContain("http://", "https://");
        assertThat(counters.path("task_queues").get(0).path("task_queue").asText()).isEqualTo("alpha-queue");
        assertThat(counters.path("task_queues").get(0).path("workers").asInt()).isEqualTo(1);
        assertThat(counters.path("task_queues").get(0).path("slots_available").path("ActivityWorker").asDouble())
                .isPositive();
        assertThat(counters.path("counters").findValuesAsText("name")).contains("greeter.greetings");
    }

    private JsonNode awaitCompleted(String workflowId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode outcome = json(get("/workflows/" + workflowId));
            if (outcome.path("status").asText().equals("COMPLETED")) {
                return outcome;
            }
            assertThat(Instant.now()).as("workflow %s completed: %s", workflowId, outcome).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private String awaitMetric(String name) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            String metrics = get("/metrics").body();
            if (metrics.contains(name)) {
                return metrics;
            }
            assertThat(Instant.now()).as("%s exported", name).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private Class<?> inputType() {
        return host.registry().workflow(TYPE).orElseThrow().inputType().orElseThrow();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, bearer());
    }

    private static Optional<String> bearer() {
        return Optional.of("Bearer " + TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String body, Optional<String> authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        authorization.ifPresent(value -> request.header("Authorization", value));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.reader().readTree(response.body());
    }
}
