package dev.workerhost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.fixture.EchoInput;
import dev.workerhost.testkit.fixture.EchoResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit runs a plugin the way the host does, and refuses what the host refuses, with the host's words. */
class PluginTestEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void runsThePluginInItsOwnClassLoaderWithItsOwnLibrariesWhileTheHostKeepsItsOwn() {
        try (PluginTestEnvironment env = PluginTestEnvironment.builder(FixturePlugins.echo(dir)).start()) {
            EchoResult result = env.execute("Echo", new EchoInput("hello"), EchoResult.class);

            assertThat(result.text()).isEqualTo("hello");
            assertThat(result.pluginLoader()).isEqualTo("plugin:echo.jar");
            // The plugin's stand-in Guava lacks what gRPC calls: the host side ran on the host's Guava all along.
            assertThat(result.guava()).isEqualTo("the plugin's own Guava");
            assertThat(env.meterRegistry().get("echo.calls").tag("plugin", "echo").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void refusesInvalidInputBeforeStartingWithTheSpisValidationError() {
        try (PluginTestEnvironment env = PluginTestEnvironment.builder(FixturePlugins.echo(dir)).start()) {
            assertThatThrownBy(() -> env.start("Echo", new EchoInput(" ")))
                    .isInstanceOf(ValidationError.class)
                    .hasMessage("text is required");
        }
    }

    @Test
    void aFailedRunCarriesTheFailuresTypeMessageAndHint() {
        try (PluginTestEnvironment env = PluginTestEnvironment.builder(FixturePlugins.echo(dir)).start()) {
            WorkflowRun run = env.start("Echo", new EchoInput("fail"));

            assertThatThrownBy(() -> run.result(EchoResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failed -> {
                        assertThat(failed.status()).isEqualTo(WorkflowStatus.FAILED);
                        assertThat(failed.failureType()).isEqualTo("Refused");
                        assertThat(failed.failureMessage()).isEqualTo("told to fail");
                        assertThat(failed.hint()).contains("send another text");
                        assertThat(failed.nonRetryable()).isTrue();
                    });
            assertThat(env.history(run.workflowId()).activityAttempts("EchoEcho")).containsExactly(1);
        }
    }

    @Test
    void aPluginTheHostRefusesFailsWithTheHostsMessage() {
        Path unlisted = FixturePlugins.echoWithoutServiceEntry(dir);

        assertThatThrownBy(() -> PluginTestEnvironment.builder(unlisted).start())
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageStartingWith("refusing to start (host.on-plugin-failure = fail), broken plugins:")
                .hasMessageContaining("echo-unlisted.jar")
                .hasMessageContaining("no WorkflowModule inside: add META-INF/services/dev.workerhost.spi.WorkflowModule");
    }

    @Test
    void aPluginWhoseStartFailsIsRefusedAsTheHostRefusesIt() {
        assertThatThrownBy(() -> PluginTestEnvironment.builder(FixturePlugins.echo(dir))
                .config("plugins.echo.fail-start = true").start())
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("plugin echo")
                .hasMessageContaining("start failed: IllegalStateException: told to fail at start");
    }

    @Test
    void aConfigurationKeyThePluginDoesNotKnowIsRefusedAsTheHostRefusesIt() {
        assertThatThrownBy(() -> PluginTestEnvironment.builder(FixturePlugins.echo(dir))
                .config("plugins.echo.workflw = twice").start())
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("plugin echo")
                .hasMessageContaining("invalid configuration")
                .hasMessageContaining("workflw");
    }
}
