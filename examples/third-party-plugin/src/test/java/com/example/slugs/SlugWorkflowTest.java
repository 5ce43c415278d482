package com.example.slugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.PluginTestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin run by the host's own code, in its own class loader with its own Guava 19, as in a real host. */
class SlugWorkflowTest {

    private static PluginTestEnvironment env;

    @BeforeAll
    static void start() {
        env = PluginTestEnvironment.builder().config("plugins.slugs.max-length = 20").start();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    @Test
    void slugifiesWithItsOwnGuava() {
        SlugResult result = env.execute("SlugWorkflow", new SlugInput("Hello, World! Ünïcode & more"),
                SlugResult.class);

        assertThat(result.slug()).isEqualTo("hello-world-ünïcode");
        assertThat(result.guavaJar()).isEqualTo("guava-19.0.jar");
    }

    @Test
    void refusesABlankTitleBeforeStarting() {
        assertThatThrownBy(() -> env.execute("SlugWorkflow", new SlugInput(" "), SlugResult.class))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("title is required");
    }
}
