package dev.workerhost.host.cli;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.spi.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code worker-host config} and {@code worker-host --version}. */
class ConfigAndVersionCommandTest {

    private static final String SECRETS = String.join("\n",
            "temporal.api-key = \"api-key-value\"",
            "temporal.tls.key = \"/etc/worker-host/client-key.pem\"",
            "host.admin.token = \"admin-token-value\"",
            "datasources.default.password = \"db-password-value\"",
            "datasources.default.url = \"jdbc:postgresql://db:5432/billing?user=app&password=url-password-value\"",
            "datasources.reporting.url = \"jdbc:h2:mem:reporting\"",
            "plugins.alpha.signing-secret = \"-----BEGIN PRIVATE KEY-----\\nMIIE\\n-----END PRIVATE KEY-----\"",
            "plugins.alpha.greeting = hello");

    @TempDir
    Path home;

    private Path plugins;
    private Path configFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pluginsAndConfigFile() throws Exception {
        plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
        configFile = Files.writeString(home.resolve("secrets.conf"), SECRETS + "\n");
    }

    private int run(String... args) {
        return WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void configPrintsEveryKeyWithItsOriginAndRedactsEverySecret() {
        int exit = run("config", "--config", configFile.toString(), "--plugins-dir", plugins.toString());

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).doesNotContain("api-key-value", "admin-token-value", "db-password-value",
                "url-password-value", "client-key.pem", "BEGIN PRIVATE KEY");
        assertThat(printed).contains(
                "temporal.api-key = \"<redacted>\"  # " + configFile + ":1",
                "temporal.tls.key = \"<redacted>\"  # " + configFile + ":2",
                "host.admin.token = \"<redacted>\"  # " + configFile + ":3",
                "datasources.default.password = \"<redacted>\"  # " + configFile + ":4",
                "datasources.default.url = \"jdbc:postgresql://db:5432/billing?user=app&password=<redacted>\"",
                "plugins.alpha.signing-secret = \"<redacted>\"",
                "plugins.alpha.greeting = \"hello\"  # " + configFile + ":8",
                "host.plugins-dir = \"" + plugins + "\"  # command line");
        assertThat(printed)
                .containsPattern("temporal\\.tls\\.ca = \"\"  # \\S*reference\\.conf:\\d+")
                .containsPattern("host\\.shutdown-timeout = \"30s\"  # \\S*reference\\.conf:\\d+")
                .containsPattern("host\\.admin\\.port = 8233  # \\S*reference\\.conf:\\d+");
        assertThat(printed).doesNotContain("PATH =", "HOME =");
    }

    @Test
    void configJsonIsAnArrayOfKeyValueOrigin() throws Exception {
        int exit = run("config", "--json", "--config", configFile.toString(), "--plugins-dir", plugins.toString());

        assertThat(exit).as(err.toString()).isZero();
        Map<String, JsonNode> byKey = new HashMap<>();
        Json.reader().readTree(out.toString()).forEach(entry -> byKey.put(entry.get("key").asText(), entry));
        assertThat(byKey.get("temporal.api-key").get("value").asText()).isEqualTo("<redacted>");
        assertThat(byKey.get("temporal.api-key").get("origin").asText()).isEqualTo(configFile + ":1");
        assertThat(byKey.get("host.admin.port").get("value").asInt()).isEqualTo(8233);
        assertThat(byKey.get("datasources.reporting.url").get("value").asText()).isEqualTo("jdbc:h2:mem:reporting");
        assertThat(out.toString()).doesNotContain("api-key-value", "db-password-value");
    }

    @Test
    void versionPrintsTheHostSpiAndTemporalSdkVersions() {
        int exit = run("--version");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).satisfiesExactly(
                host -> assertThat(host).matches("worker-host \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
                spi -> assertThat(spi).isEqualTo("SPI 2 (serves plugins built against SPI 2)"),
                sdk -> assertThat(sdk).isEqualTo("Temporal Java SDK " + io.temporal.serviceclient.Version.LIBRARY_VERSION),
                java -> assertThat(java).startsWith("Java " + Runtime.version()));
        assertThat(io.temporal.serviceclient.Version.LIBRARY_VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }
}
