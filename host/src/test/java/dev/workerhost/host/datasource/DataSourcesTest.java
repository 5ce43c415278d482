package dev.workerhost.host.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {

    @TempDir
    Path home;

    @Test
    void theDefaultDatasourceIsAnH2FileUnderTheHome() throws Exception {
        Config config = TestConfigs.config(home, Map.of());
        try (PooledDataSources dataSources = new PooledDataSources(config, home);
                Connection connection = dataSources.dataSource("default").getConnection()) {
            assertThat(connection.getMetaData().getURL()).contains(home.resolve("data/worker-host").toString());
        }
    }

    @Test
    void anUnknownDatasourceIsAnErrorNamingItAndTheConfiguredOnes() {
        Config config = TestConfigs.config(home, Map.of());
        try (PooledDataSources dataSources = new PooledDataSources(config, home)) {
            assertThatThrownBy(() -> dataSources.dataSource("reports"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'reports'")
                    .hasMessageContaining("[default]");
        }
    }

    @Test
    void offlineDatasourcesRefuseToConnect() {
        OfflineDataSources offline = new OfflineDataSources(TestConfigs.config(home, Map.of()));

        assertThatThrownBy(() -> offline.dataSource("default").getConnection())
                .isInstanceOf(SQLException.class)
                .hasMessage("datasource 'default' is not available during an offline check");
        assertThatThrownBy(() -> offline.dataSource("reports")).isInstanceOf(IllegalArgumentException.class);
    }
}
