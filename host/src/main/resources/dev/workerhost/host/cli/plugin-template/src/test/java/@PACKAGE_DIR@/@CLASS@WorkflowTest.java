package @PACKAGE@;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.PluginTestEnvironment;
import org.junit.jupiter.api.Test;

/** The plugin loaded, checked and run by the host's own code on the SDK's test server. */
class @CLASS@WorkflowTest {

    @Test
    void greetsWithTheConfiguredSalutation() {
        try (PluginTestEnvironment env = PluginTestEnvironment.builder()
                .config("plugins.@NAME@.salutation = Hi")
                .start()) {
            @CLASS@Result result = env.execute("@CLASS@Workflow", new @CLASS@Input("Ada"), @CLASS@Result.class);

            assertThat(result.greeting()).isEqualTo("Hi, Ada!");
            assertThat(env.meterRegistry().get("@NAME@.greetings").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void refusesAnInputWithoutNameBeforeStarting() {
        try (PluginTestEnvironment env = PluginTestEnvironment.builder().start()) {
            assertThatThrownBy(() -> env.execute("@CLASS@Workflow", new @CLASS@Input(""), @CLASS@Result.class))
                    .isInstanceOf(ValidationError.class)
                    .hasMessageContaining("name is required");
        }
    }
}
