package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.spi.Json;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped example, run against the demo rows the plugin seeds, as an operator's first try would. */
class PriceSyncExampleTest {

    private static final Path EXAMPLE = Path.of("src/main/examples/PriceSyncWorkflow.json");

    @Test
    void theExampleAddsLineItemsToTheDemoSubscriptionsOnceAndTheSeedSurvivesARestart() throws IOException {
        PriceSyncInput input = Json.readerFor(PriceSyncInput.class).readValue(EXAMPLE.toFile());
        try (TestDatabase db = TestDatabase.h2()) {
            try (PluginTestEnvironment env = demoEnvironment(db)) {
                PriceSyncResult result = env.execute("PriceSyncWorkflow", input, PriceSyncResult.class);
                // As plugins/plan/README.md shows it.
                assertThat(Json.writer().writeValueAsString(result)).isEqualTo("{\"plan_id\":\"plan_demo\","
                        + "\"subscriptions_processed\":2,\"line_items_created\":4,\"line_items_terminated\":0,"
                        + "\"line_items_skipped\":0}");
            }
            try (PluginTestEnvironment restarted = demoEnvironment(db)) {
                assertThat(restarted.execute("PriceSyncWorkflow", input, PriceSyncResult.class))
                        .isEqualTo(new PriceSyncResult("plan_demo", 2, 0, 0, 4));
            }
        }
    }

    private static PluginTestEnvironment demoEnvironment(TestDatabase db) {
        return PluginTestEnvironment.builder()
                .dataSource("default", db.dataSource())
                .config("plugins.plan.demo-data = true")
                .start();
    }
}
