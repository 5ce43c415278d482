package dev.workerhost.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.host.testing.CliProcess;
import dev.workerhost.host.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker-host run} as a process: how a start that cannot succeed ends. */
class RunCommandTest {

    @TempDir
    Path home;

    @Test
    void aMalformedTemporalTargetEndsTheStartWithExitOneAndOneLine() throws Exception {
        Fixtures.emptyPluginsDir(home);
        Path config = Files.writeString(home.resolve("bad-target.conf"), "temporal.target = \"nohost:notaport\"\n");

        CliProcess.Result result = CliProcess.run(home, Duration.ofSeconds(60), "run", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.took()).as("%s", result).isLessThan(Duration.ofSeconds(15));
        assertThat(result.stderr().lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")))
                .as("%s", result)
                .singleElement().asString()
                .endsWith("temporal.target \"nohost:notaport\" is invalid: the port \"notaport\" is not a number"
                        + " from 1 to 65535 (e.g. temporal.example.com:7233, or \"embedded\")");
        assertThat(result.stderr()).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void aMisspeltHostKeyStopsTheStartNamingTheKeyMeant() throws Exception {
        Fixtures.emptyPluginsDir(home);
        Path config = Files.writeString(home.resolve("typo.conf"), "host {\n  plugin-dir = elsewhere\n}\n");

        CliProcess.Result result = CliProcess.run(home, Duration.ofSeconds(60), "run", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stderr()).as("%s", result).contains("unknown config key host.plugin-dir (set in " + config
                + ": 2); did you mean host.plugins-dir?");
    }

    @Test
    void aMisspeltPluginKeyStopsTheStartNamingThePluginAndTheKey() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", Fixtures.greeter("alpha"), "v1");
        Path config = Files.writeString(home.resolve("typo.conf"), "plugins.alpha.enabeld = false\n");

        CliProcess.Result result = CliProcess.run(home, Duration.ofSeconds(60), "run", "--config", config.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
        assertThat(result.stderr()).as("%s", result).contains("alpha.jar", "invalid configuration: unknown config key"
                + " plugins.alpha.enabeld (set in " + config + ": 1); did you mean plugins.alpha.enabled?");
    }
}
