package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.testkit.PluginTestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Syncs that earlier code started replay on the current code, so a host upgraded while they run finishes them:
 * {@code PriceSyncWorkflow-prices-read-apart.json} was recorded before the first page read the prices (an activity
 * {@code ReadPlanPrices} of its own, then two pages); {@code PriceSyncWorkflow-first-page-reads-prices.json} after.
 * Both are the demo plan synced in pages of one subscription.
 */
class PriceSyncReplayTest {

    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    @Test
    void recordedSyncsReplay() {
        assertThat(PluginTestEnvironment.builder().replay(HISTORIES)).containsExactly(
                HISTORIES.resolve("PriceSyncWorkflow-first-page-reads-prices.json"),
                HISTORIES.resolve("PriceSyncWorkflow-prices-read-apart.json"));
    }
}
