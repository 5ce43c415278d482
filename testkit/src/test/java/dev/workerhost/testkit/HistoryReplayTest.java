package dev.workerhost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.testkit.fixture.EchoInput;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recorded history replays on the code that made it and fails on a change that running workflows trip over. */
class HistoryReplayTest {

    @TempDir
    Path dir;

    @Test
    void aRecordedHistoryReplaysOnTheCodeThatRecordedItAndNotOnAChangedOne() throws Exception {
        Path plugin = FixturePlugins.echo(dir);
        Path histories = dir.resolve("histories");
        try (PluginTestEnvironment env = PluginTestEnvironment.builder(plugin).start()) {
            WorkflowRun run = env.start("Echo", new EchoInput("hello"));
            run.result(Object.class);
            env.history(run.workflowId()).writeTo(histories.resolve("Echo.json"));
        }
        assertThat(Files.readString(histories.resolve("Echo.json"))).contains("\"Echo\"");

        assertThat(PluginTestEnvironment.builder(plugin).replay(histories)).containsExactly(histories.resolve("Echo.json"));
        assertThatThrownBy(() -> PluginTestEnvironment.builder(plugin).config("plugins.echo.workflow = twice")
                .replay(histories))
                .isInstanceOf(ReplayFailedException.class)
                .hasMessageStartingWith("1 of 1 recorded histories do not replay on the current code:")
                .hasMessageContaining(histories.resolve("Echo.json") + ": Echo is nondeterministic: ")
                .hasMessageContaining("does not match command type COMMAND_TYPE_START_TIMER");
    }

    @Test
    void aFolderWithoutHistoriesIsAnErrorNotAPass() {
        Path plugin = FixturePlugins.echo(dir);

        assertThatThrownBy(() -> PluginTestEnvironment.builder(plugin).replay(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no histories (*.json) in " + dir);
    }
}
