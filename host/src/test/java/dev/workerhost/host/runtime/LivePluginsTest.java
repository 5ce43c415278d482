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
        assertThat(host.registry().workflow(Fixtures.workflowType("leaves"))).isEmpty();
        assertThat(host.pluginHistory().get("leaves")).extracting(PluginEvent::change)
                .containsExactly(Change.STARTED, Change.REMOVED);
        assertThat(host.polling("stays-queue")).isTrue();
        assertThat(greet("stays")).isEqualTo("v1: hello Ada");
        Await.until("the class loader of the removed plugin closes", SOON,
                () -> loader.findResource(Fixtures.GREETER_MODULE.replace('.', '/') + ".class") == null);
    }

    @Test
    void aPluginThatClaimsARunningPluginsQueueIsReportedAndChangesNothing() throws Exception {
        Fixtures.greeterJar(plugins, "intruder.jar",
                greeter("intruder", "stays-queue", "Greet-intruder", "dev.workerhost.spi.SpiVersion.CURRENT"), "v2");

        Optional<List<PluginEvent>> changes = host.reloadPlugins();

        assertThat(changes).hasValueSatisfying(events -> assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.change()).isEqualTo(Change.FAILED);
            assertThat(event.detail()).contains("task queue stays-queue belongs to plugin stays");
        }));
        assertThat(host.registry().entry(plugins.resolve("intruder.jar")).orElseThrow().state())
                .isEqualTo(PluginState.FAILED);
        assertThat(greet("stays")).isEqualTo("v1: hello Ada");
    }

    @Test
    void aNewVersionOfARunningPluginTakesItsPlaceAndTheOldOneIsUnloaded() throws Exception {
        Path jar = plugins.resolve("upgraded.jar");
        PluginClassLoader old = host.registry().entry(jar).flatMap(PluginEntry::plugin).orElseThrow().loader();
        assertThat(greet("upgraded")).isEqualTo("v1: hello Ada");

        Path next = Fixtures.greeterJar(plugins.getParent(), "upgraded-next.jar", greeter("upgraded"), "v2");
        Files.move(next, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Await.until("the new version serves", SOON, () -> host.registry().entry(jar).flatMap(PluginEntry::plugin)
                .map(plugin -> plugin.loader() != old).orElse(false));
        assertThat(greet("upgraded")).isEqualTo("v2: hi Ada");
        assertThat(host.pluginHistory().get("upgraded")).extracting(PluginEvent::change)
                .containsExactly(Change.STARTED, Change.UPGRADED);
        Await.until("the old version's class loader closes", SOON,
                () -> old.findResource(Fixtures.GREETER_MODULE.replace('.', '/') + ".class") == null);
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
