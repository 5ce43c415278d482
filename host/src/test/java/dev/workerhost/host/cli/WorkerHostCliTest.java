package dev.workerhost.host.cli;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.RecordedLog;
import dev.workerhost.spi.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline commands: what they print and how they exit. */
class WorkerHostCliTest {

    @TempDir
    Path home;

    private Path plugins;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pluginsFolder() throws Exception {
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
    }

    private int run(String... args) {
        return WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void pluginsJsonDescribesEveryPlugin() throws Exception {
        int exit = run("plugins", "--json", "--plugins-dir", plugins.toString());

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = Json.reader().readTree(out.toString());
        assertThat(report.get("ok").asBoolean()).isTrue();
        JsonNode alpha = report.get("plugins").get(0);
        assertThat(alpha.get("name").asText()).isEqualTo("alpha");
        assertThat(alpha.get("version").asText()).isEqualTo("1.0-alpha");
        assertThat(alpha.get("location").asText()).endsWith("alpha.jar");
        assertThat(alpha.get("state").asText()).isEqualTo("LOADED");
        assertThat(alpha.get("spi_version").asInt()).isEqualTo(2);
        assertThat(alpha.get("cause").isNull()).isTrue();
        assertThat(alpha.get("task_queues").get(0).asText()).isEqualTo("alpha-queue");
        assertThat(alpha.get("workflow_types").get(0).asText()).isEqualTo("Greet-alpha");
        assertThat(alpha.get("activity_types").get(0).asText()).isEqualTo("alpha-Greet");
    }

    @Test
    void pluginsExitsOneNamingTheBrokenJarAndItsCause() throws Exception {
        Fixtures.brokenJar(plugins, "broken.jar", "fixture.broken.ThrowingRegisterModule");

        int exit = run("plugins", "--json", "--plugins-dir", plugins.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("broken.jar", "register exploded on purpose");
        JsonNode report = Json.reader().readTree(out.toString());
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("plugins")).anySatisfy(plugin -> {
            assertThat(plugin.get("state").asText()).isEqualTo("FAILED");
            assertThat(plugin.get("cause").asText()).contains("register exploded on purpose");
        });
    }

    @Test
    void workflowStartRefusesAnInvalidInputBeforeConnecting() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"\"}",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: name is required");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void pluginsAddChecksCandidatesTogetherWithTheInstalledPlugins(@TempDir Path candidates) throws Exception {
        Fixtures.greeterJar(candidates, "impostor.jar", greeter("impostor", "alpha-queue", "Greet-impostor"), "v1");

        int exit = run("plugins", "--plugins-dir", plugins.toString(), "--add", candidates.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(
                "error: plugin impostor (" + candidates.resolve("impostor.jar") + ") FAILED: task queue alpha-queue "
                        + "is also claimed by plugin alpha (" + plugins.resolve("alpha.jar") + ")",
                "error: plugin alpha (" + plugins.resolve("alpha.jar") + ") FAILED: task queue alpha-queue "
                        + "is also claimed by plugin impostor (" + candidates.resolve("impostor.jar") + ")");
    }

    @Test
    void pluginsWarnsNamingAJarThatBundlesASharedPackage() throws Exception {
        Path beta = Fixtures.greeterFolder(plugins, "beta", greeter("beta"), "v1");
        Path temporalSdk = Fixtures.bundleTemporalSdk(beta);

        int exit = run("plugins", "--plugins-dir", plugins.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("warning: plugin beta (" + beta + "): " + temporalSdk.getFileName()
                + " bundles io.temporal, which the host shares");
        assertThat(out.toString()).contains("  warning: " + temporalSdk.getFileName() + " bundles io.temporal");
    }

    @Test
    void pluginsReportsAFileThatIsNotAZip() throws Exception {
        Files.writeString(plugins.resolve("bad.jar"), "not a jar");

        int exit = run("plugins", "--plugins-dir", plugins.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("error: plugin bad.jar (" + plugins.resolve("bad.jar")
                + ") FAILED: bad.jar is not a jar (zip) file");
    }

    @Test
    void workflowStartDoesNotReportPluginsItDoesNotUse() throws Exception {
        Fixtures.brokenJar(plugins, "broken.jar", "fixture.broken.ThrowingRegisterModule");
        try (RecordedLog log = RecordedLog.all()) {
            run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"\"}", "--plugins-dir", plugins.toString());

            assertThat(err.toString()).contains("invalid input: name is required").doesNotContain("broken.jar");
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .noneMatch(message -> message.contains("broken.jar"));
        }
    }

    @Test
    void workflowStartReadsTheInputFromAnAtFile(@TempDir Path dir)
            throws Exception {
        Path input = Files.writeString(dir.resolve("input.json"), "{\"name\": \"\"}");

        int exit = run("workflow", "start", "Greet-alpha", "--input", "@" + input,
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: name is required");
    }

    @Test
    void workflowStartNamesAMissingInputFile() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "@/no/such/input.json",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("/no/such/input.json");
    }

    @Test
    void workflowStartNamesAnUnreachableTarget() {
        int port = FreePort.find();

        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\"}",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + port);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach Temporal at 127.0.0.1:" + port, "--target");
    }

    @Test
    void workflowStartNamesAnUnknownInputField() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\",\"nmae\":\"x\"}",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unknown field \"nmae\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", " ", ""})
    void workflowStartRefusesANullOrEmptyInputBeforeConnecting(String input) {
        int exit = run("workflow", "start", "Greet-alpha", "--input", input,
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: the input of Greet-alpha is required");
    }

    @Test
    void workflowStartRefusesAnAbsentInputBeforeConnecting() {
        int exit = run("workflow", "start", "Greet-alpha",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: the input of Greet-alpha is required");
    }

    @Test
    void workflowStartRefusesAMegabyteIdBeforeConnectingWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path input = Files.writeString(dir.resolve("big.json"), "{\"name\":\"" + "x".repeat(1 << 20) + "\"}");

        int exit = run("workflow", "start", "Greet-alpha", "--input", "@" + input,
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: name is 1048576 characters long, more than 255")
                .hasSizeLessThan(1_000);
    }

    @Test
    void workflowStartRefusesContentAfterTheInputDocument() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\"} {\"name\":\"Bo\"}",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: the input of Greet-alpha", "Trailing token");
    }

    @Test
    void workflowStartRefusesAMegabyteWorkflowId() {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":\"Ada\"}", "--id", "w".repeat(1 << 20),
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("invalid input: --id is 1048576 characters long").hasSizeLessThan(1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "true", "1e400", "[\"Ada\"]"})
    void workflowStartRefusesAnIdThatIsNoJsonString(String name) {
        int exit = run("workflow", "start", "Greet-alpha", "--input", "{\"name\":" + name + "}",
                "--plugins-dir", plugins.toString(), "--target", "127.0.0.1:" + FreePort.find());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("invalid input: field \"name\" in the input of Greet-alpha has the wrong type");
    }

    @Test
    void workflowStartOfAnUnknownTypeListsTheKnownTypes() {
        int exit = run("workflow", "start", "NoSuchWorkflow", "--plugins-dir", plugins.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unknown workflow type NoSuchWorkflow", "Greet-alpha");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("plugins", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("workflow", "start", "--help")).isZero();
        assertThat(out.toString()).contains("--input", "--wait", "--target");
    }
}
