package dev.workerhost.plugins.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.billing.models.BillingSchedulerInput;
import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionBillingResult;
import dev.workerhost.spi.Json;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped examples complete on the demo rows the plugin seeds on the embedded defaults (H2). */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("src/main/examples");

    private static PluginTestEnvironment environment(TestDatabase db) {
        return PluginTestEnvironment.builder()
                .dataSource("default", db.dataSource())
                .config("plugins.billing.schedule = \"\"")
                .start();
    }

    @Test
    void theSubscriptionBillingExampleInvoicesTheDemoSubscription() throws Exception {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            SubscriptionBillingInput input = Json.readerFor(SubscriptionBillingInput.class).readValue(
                    EXAMPLES.resolve("SubscriptionBillingWorkflow.json").toFile());

            SubscriptionBillingResult result =
                    env.execute("SubscriptionBillingWorkflow", input, SubscriptionBillingResult.class);

            assertThat(result.subscriptionId()).isEqualTo("sub_demo_billing");
            assertThat(result.invoicesCreated()).isEqualTo(2);
            assertThat(Queries.rows(db, "SELECT total FROM invoices ORDER BY period_start"))
                    .containsExactly("50", "50.5");
            assertThat(Queries.rows(db, "SELECT display_name, quantity, amount FROM invoice_line_items l"
                    + " JOIN invoices i ON i.id = l.invoice_id ORDER BY i.period_start, l.display_name"))
                    .containsExactly("API calls|4|1", "price_demo_billing_platform_fee|1|49",
                            "API calls|6|1.5", "price_demo_billing_platform_fee|1|49");
            assertThat(Json.writer().writeValueAsString(result)).contains("\"invoices_created\":2");
        }
    }

    @Test
    void theSchedulerExampleRunsOnePassThatBillsTheDemoSubscription() throws Exception {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db)) {
            BillingSchedulerInput input = Json.readerFor(BillingSchedulerInput.class).readValue(
                    EXAMPLES.resolve("BillingSchedulerWorkflow.json").toFile());

            BillingSchedulerResult result = env.execute("BillingSchedulerWorkflow", input, BillingSchedulerResult.class);

            assertThat(result).isEqualTo(new BillingSchedulerResult(1, 2, 0, 0));
            assertThat(Queries.single(db, "SELECT COUNT(*) FROM invoices")).isEqualTo("2");
        }
    }
}
