package dev.workerhost.host.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
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
    void anUnreachableDatabaseIsWaitedForNotFailedOn() throws Exception {
        Config config = TestConfigs.config(home, Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/nowhere"));
        try (PooledDataSources dataSources = new PooledDataSources(config, home)) {
            assertThat(dataSources.dataSource("default")).isNotNull();
            AtomicReference<Throwable> ended = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                try {
                    dataSources.awaitReachable();
                } catch (Throwable e) {
                    ended.set(e);
                }
            });
            waiting.start();
            Thread.sleep(1500);
            assertThat(waiting.isAlive()).as("still waiting for the database").isTrue();

            waiting.interrupt();
            waiting.join(15_000);

            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void aReachableDatabaseIsNotWaitedFor() throws Exception {
        try (PooledDataSources dataSources = new PooledDataSources(TestConfigs.config(home, Map.of()), home)) {
            dataSources.dataSource("default");
            dataSources.awaitReachable();
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
