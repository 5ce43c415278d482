package dev.workerhost.host.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.host.runtime.Host;
import dev.workerhost.host.runtime.HostStartException;
import dev.workerhost.host.testing.TestConfigs;
import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSettingsTest {

    @TempDir
    Path home;

    @Test
    void defaultsAreLoopbackPort8233AndNoToken() {
        AdminSettings settings = AdminSettings.from(TestConfigs.config(home, Map.of("host.admin.port", "8233")));

        assertThat(settings).isEqualTo(new AdminSettings("127.0.0.1", 8233, Optional.empty()));
        assertThat(settings.enabled()).isTrue();
    }

    @Test
    void portZeroTurnsTheApiOff() {
        assertThat(AdminSettings.from(TestConfigs.config(home, Map.of("host.admin.port", "0"))).enabled()).isFalse();
    }

    @Test
    void aPublicBindWithATokenIsAllowed() {
        AdminSettings settings = AdminSettings.from(TestConfigs.config(home, Map.of(
                "host.admin.bind", "0.0.0.0", "host.admin.port", "8233", "host.admin.token", "t")));

        assertThat(settings.token()).contains("t");
    }

    @Test
    void aPublicBindWithoutATokenRefusesToStartTheHostWithOneLine() {
        Config config = TestConfigs.config(home, Map.of("host.admin.bind", "0.0.0.0", "host.admin.port", "8233"));

        assertThatThrownBy(() -> Host.start(config, TestConfigs.settings(config, home)))
                .isInstanceOf(HostStartException.class)
                .hasMessage("refusing to bind the admin API to 0.0.0.0 without a token: set host.admin.token"
                        + " (env WORKER_HOST_ADMIN_TOKEN) or bind 127.0.0.1");
    }

    @Test
    void aPortOutOfRangeIsNamed() {
        assertThatThrownBy(() -> AdminSettings.from(TestConfigs.config(home, Map.of("host.admin.port", "70000"))))
                .hasMessageStartingWith("config key host.admin.port: 70000 is not a port");
    }
}
