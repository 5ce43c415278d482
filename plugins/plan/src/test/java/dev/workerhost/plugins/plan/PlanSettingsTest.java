package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class PlanSettingsTest {

    private static Config planConfig(String overrides) {
        return ConfigFactory.parseString(overrides)
                .withFallback(ConfigFactory.parseResources("reference.conf"))
                .resolve()
                .getConfig("plugins.plan");
    }

    @Test
    void defaultsToTheDefaultDatasourceAndPagesOf10000() {
        assertThat(PlanSettings.from(planConfig(""))).isEqualTo(new PlanSettings("default", 10000, 1000));
    }

    @Test
    void refusesAPageSizeBelowOneNamingTheKey() {
        assertThatThrownBy(() -> PlanSettings.from(planConfig("plugins.plan.page-size = 0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plugins.plan.page-size must be at least 1, not 0");
    }
}
