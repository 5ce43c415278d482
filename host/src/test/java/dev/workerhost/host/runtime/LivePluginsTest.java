package dev.workerhost.host.runtime;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import dev.workerhost.host.loading.PluginClassLoader;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.testing.Await;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartedWorkflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Plugins coming and going in one running in-process host on the embedded Temporal server: each plugin has workers
 * of its own, so one is taken out while the others keep serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePluginsTest {

    private Path plugins;
    private Host host;

    @BeforeAll
    void startHost() throws Exception {
        Path home = Files.createTempDirectory("worker-host-live");
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterFolder(plugins, "stays", greeter("stays"), "v1");
        Fixtures.greeterJar(plugins, "leaves.jar", greeter("leaves"), "v2");
        Config config = TestConfigs.embeddedHost(home, plugins, Map.of());
        host = Host.start(config, TestConfigs.settings(config, home));
    }

    @AfterAll
    void stopHost() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void aRemovedPluginStopsPollingAndIsUnloadedWhileTheOthersKeepServing() throws Exception {
        Path leaves = plugins.resolve("leaves.jar");
        PluginClassLoader loader = host.registry().entry(leaves).flatMap(PluginEntry::plugin).orElseThrow().loader();
        assertThat(host.polling("leaves-queue")).isTrue();

        host.plugins().remove(leaves);

        assertThat(host.polling("leaves-queue")).isFalse();
        assertThat(host.registry().workflow(Fixtures.workflowType("leaves"))).isEmpty();
        assertThat(host.polling("stays-queue")).isTrue();
        assertThat(greet("stays").get("greeting").asText()).isEqualTo("v1: hello Ada");
        Await.until("the class loader of the removed plugin closes", Duration.ofSeconds(10),
                () -> loader.findResource(Fixtures.GREETER_MODULE.replace('.', '/') + ".class") == null);
    }

    private JsonNode greet(String plugin) {
        Class<?> inputType = host.registry().workflow(Fixtures.workflowType(plugin)).orElseThrow()
                .inputType().orElseThrow();
        StartedWorkflow started = host.workflows().start(Fixtures.workflowType(plugin),
                Json.copy().convertValue(Map.of("name", "Ada"), inputType));
        return host.client().newUntypedWorkflowStub(started.workflowId(), Optional.of(started.runId()),
                Optional.empty()).getResult(JsonNode.class);
    }
}
