package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.workerhost.host.loading.PluginClassLoader;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginEvent.Change;
import dev.workerhost.host.registry.PluginState;
import dev.workerhost.host.testing.Await;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartedWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plugins coming, going and changing in one running in-process host on the embedded Temporal server, which watches
 * its plugins folder: each plugin has workers of its own, so one changes while the others keep serving. Each test
 * works on plugins of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePluginsTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    private Path plugins;
    private Host host;

    @BeforeAll
    void startHost() throws Exception {
        Path home = Files.createTempDirectory("worker-host-live");
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterFolder(plugins, "stays", greeter("stays"), "v1");
        Fixtures.greeterJar(plugins, "leaves.jar", greeter("leaves"), "v2");
        Fixtures.greeterJar(plugins, "upgraded.jar", greeter("upgraded"), "v1");
        Fixtures.stepperJar(plugins.resolve("guarded.jar"), "guarded", "1.0", true);
        Config config = TestConfigs.embeddedHost(home, plugins, Map.of("host.plugins.watch-settle", "300ms"));
        host = Host.start(config, TestConfigs.settings(config, home));
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aPluginDroppedIntoTheFolderIsCheckedStartedAndServes() throws Exception {
        Fixtures.greeterJar(plugins, "dropped.jar", greeter("dropped"), "v1");

        Await.until("the dropped plugin polls", SOON, () -> host.polling("dropped-queue"));
        assertThat(greet("dropped")).isEqualTo("v1: hello Ada");
        assertThat(host.pluginHistory().get("dropped")).extracting(PluginEvent::change).containsExactly(Change.ADDED);
    }

    @Test
    void aRemovedPluginStopsPollingAndIsUnloadedWhileTheOthersKeepServing() throws Exception {
        Path leaves = plugins.resolve("leaves.jar");
        PluginClassLoader loader = host.registry().entry(leaves).flatMap(PluginEntry::plugin).orElseThrow().loader();
        assertThat(host.polling("leaves-queue")).isTrue();

        Files.delete(leaves);

        Await.until("the removed plugin stops polling", SOON, () -> !host.polling("leaves-queue"));
        // The removal is recorded just after the workers stop polling, not at the same instant.
        Await.until("the removal is recorded", SOON, () -> host.pluginHistory().get("leaves").size() > 1);
        assertThat(host.registry().workflow(Fixtures.workflowType("leaves"))).isEmpty();
        assertThat(host.pluginHistory().get("leaves")).extracting(PluginEvent::change)
                .containsExactly(Change.STARTED, Change.REMOVED);
        assertThat(host.polling("stays-queue")).isTrue();
        assertThat(greet("stays")).isEqualTo("v1: hello Ada");
        Await.until("the class loader of the removed plugin closes", SOON,
                () -> loader.findResource(Fixtures.GREETER_MODULE.replace('.', '/') + ".class") == null);
        Await.until("the removed plugin's meters leave the registry", SOON,
                () -> host.meterRegistry().find("greeter.greeting.length").tag("plugin", "leaves").meters().isEmpty());
        assertThat(host.meterRegistry().find("greeter.greeting.length").tag("plugin", "stays").gauge()).isNotNull();
    }

    @Test
    void aPluginThatClaimsARunningPluginsQueueIsReportedAndChangesNothing() throws Exception {
        Fixtures.greeterJar(plugins, "intruder.jar",
                greeter("intruder", "stays-queue", "Greet-intruder", "dev.workerhost.spi.SpiVersion.CURRENT"), "v2");

        host.reloadPlugins();

        assertThat(await("intruder", Change.FAILED).detail())
                .contains("task queue stays-queue belongs to plugin stays");
        assertThat(host.registry().entry(plugins.resolve("intruder.jar")).orElseThrow().state())
                .isEqualTo(PluginState.FAILED);
        assertThat(greet("stays")).isEqualTo("v1: hello Ada");
    }

    @Test
    void aNewVersionOfARunningPluginTakesItsPlaceAndTheOldOneIsUnloaded() throws Exception {
        Path jar = plugins.resolve("upgraded.jar");
        PluginClassLoader old = host.registry().entry(jar).flatMap(PluginEntry::plugin).orElseThrow().loader();
        assertThat(greet("upgraded")).isEqualTo("v1: hello Ada");

        replace(jar, Fixtures.greeterJar(plugins.getParent(), "upgraded-next.jar", greeter("upgraded"), "v2"));

        Await.until("the new version serves", SOON, () -> host.registry().entry(jar).flatMap(PluginEntry::plugin)
                .map(plugin -> plugin.loader() != old).orElse(false));
        assertThat(greet("upgraded")).isEqualTo("v2: hi Ada");
        assertThat(host.pluginHistory().get("upgraded")).extracting(PluginEvent::change)
                .containsExactly(Change.STARTED, Change.UPGRADED);
        Await.until("the old version's class loader closes", SOON,
                () -> old.findResource(Fixtures.GREETER_MODULE.replace('.', '/') + ".class") == null);
        // The gauge both versions registered is answered by the new version's code ("v2: hi "), not the old one's.
        Await.until("the plugin's gauge is the new version's", SOON, () -> host.meterRegistry()
                .find("greeter.greeting.length").tag("plugin", "upgraded").gauge().value() == "v2: hi ".length());
    }

    @Test
    void anUpgradeIsRefusedWhileAnOpenWorkflowDoesNotReplayOnItAndTakesOverOnceItDoes() throws Exception {
        Path jar = plugins.resolve("guarded.jar");
        StartedWorkflow started = host.workflows().start("Step-guarded", Json.copy().convertValue(
                Map.of("name", "Ada", "step_millis", 0, "wait_for_release", true),
                host.registry().workflow("Step-guarded").orElseThrow().inputType().orElseThrow()));
        WorkflowStub open = host.client().newUntypedWorkflowStub(started.workflowId(),
                Optional.of(started.runId()), Optional.empty());
        Await.until("the first step completes", SOON, () -> host.client()
                .fetchHistory(started.workflowId(), started.runId()).getEvents().stream()
                .anyMatch(event -> event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED));

        replace(jar, Fixtures.stepperJar(plugins.getParent().resolve("guarded-2.0-timer.jar"), "guarded", "2.0", false));

        assertThat(await("guarded", Change.UPGRADE_REFUSED).detail()).contains(
                "workflow " + started.workflowId() + " (Step-guarded) does not replay on version 2.0",
                "nondeterministic");
        assertThat(host.registry().entry(jar).orElseThrow().descriptor().version()).isEqualTo("1.0");

        replace(jar, Fixtures.stepperJar(plugins.getParent().resolve("guarded-2.0.jar"), "guarded", "2.0", true));

        await("guarded", Change.UPGRADED);
        open.signal("release");
        JsonNode result = open.getResult(JsonNode.class);
        assertThat(result.get("first").asText()).isEqualTo("1.0 step for Ada");
        assertThat(result.get("second").asText()).isEqualTo("2.0 step for Ada");
    }

    /** Moves {@code next} over {@code jar}, as an operator replaces a plugin's jar in one step. */
    private static void replace(Path jar, Path next) throws Exception {
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for the plugin's latest event to be a {@code change}, whoever applied it (the watcher or a reload). */
    private PluginEvent await(String plugin, Change change) throws InterruptedException {
        Await.until("plugin " + plugin + " " + change, SOON, () -> latest(plugin)
                .map(event -> event.change() == change).orElse(false));
        return latest(plugin).orElseThrow();
    }

    private Optional<PluginEvent> latest(String plugin) {
        List<PluginEvent> events = host.pluginHistory().getOrDefault(plugin, List.of());
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    private String greet(String plugin) {
        Class<?> inputType = host.registry().workflow(Fixtures.workflowType(plugin)).orElseThrow()
                .inputType().orElseThrow();
        StartedWorkflow started = host.workflows().start(Fixtures.workflowType(plugin),
                Json.copy().convertValue(Map.of("name", "Ada"), inputType));
        return host.client().newUntypedWorkflowStub(started.workflowId(), Optional.of(started.runId()),
                Optional.empty()).getResult(JsonNode.class).get("greeting").asText();
    }
}
