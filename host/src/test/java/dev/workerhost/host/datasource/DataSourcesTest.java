package dev.workerhost.host.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.testing.Await;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
    void anUnreachableDatabaseIsWaitedForWithOneWarnLinePerAttempt() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + FreePort.find() + "/nowhere";
        Config config = TestConfigs.config(home, Map.of("datasources.default.url", url));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger poolsLog = (Logger) LoggerFactory.getLogger(PooledDataSources.class);
        poolsLog.addAppender(log);
        log.start();
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
            Await.until("two attempts logged", Duration.ofSeconds(30), () -> log.list.size() >= 2);
            assertThat(waiting.isAlive()).as("still waiting for the database").isTrue();

            waiting.interrupt();
            waiting.join(15_000);

            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
            assertThat(log.list).allSatisfy(line -> assertThat(line.getFormattedMessage())
                    .startsWith("datasource 'default' (" + url + ") is not reachable (attempt ")
                    .contains("refused"));
        } finally {
            poolsLog.detachAppender(log);
        }
    }

    @Test
    void aMissingRoleEndsTheStartAtOnceNamingTheKey() {
        Config config = TestConfigs.config(home, Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                "datasources.default.user", "no_such_role"));

        assertPermanent(config, "refused the credentials of user 'no_such_role'", "role \"no_such_role\" does not exist",
                "check datasources.default.user and datasources.default.password");
    }

    @Test
    void aWrongH2PasswordEndsTheStartAtOnce() throws Exception {
        Path file = home.resolve("secured");
        try (Connection creating = DriverManager.getConnection("jdbc:h2:file:" + file, "owner", "right")) {
            assertThat(creating.isValid(1)).isTrue();
        }
        Config config = TestConfigs.config(home, Map.of(
                "datasources.default.url", "jdbc:h2:file:" + file,
                "datasources.default.user", "owner",
                "datasources.default.password", "wrong"));

        assertPermanent(config, "refused the credentials of user 'owner'", "Wrong user name or password");
    }

    @Test
    void anUnwritableDataFolderEndsTheStartAtOnceNamingIt() throws Exception {
        Files.writeString(home.resolve("data"), "a file where the data folder belongs");
        Config config = TestConfigs.config(home, Map.of());

        assertPermanent(config, "the embedded database's folder " + home.resolve("data") + " is not writable",
                "datasources.default.url");
    }

    @Test
    void aUrlNoDriverTakesIsRefusedWhenAPluginAsksForIt() {
        Config config = TestConfigs.config(home, Map.of("datasources.default.url", "jdbc:mysql://127.0.0.1/db"));
        try (PooledDataSources dataSources = new PooledDataSources(config, home)) {
            assertThatThrownBy(() -> dataSources.dataSource("default"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContainingAll("no JDBC driver takes this URL", "check datasources.default.url");
        }
    }

    private void assertPermanent(Config config, String... messageParts) {
        try (PooledDataSources dataSources = new PooledDataSources(config, home)) {
            dataSources.dataSource("default");
            long started = System.nanoTime();

            assertThatThrownBy(dataSources::awaitReachable)
                    .isInstanceOf(PermanentStartException.class)
                    .hasMessageContainingAll(messageParts)
                    .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("\n"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionThatFailsItsValidityCheckIsWaitedForNotTakenAsAnAnswer() throws Exception {
        Driver notYetValid = new NotYetValidDriver();
        DriverManager.registerDriver(notYetValid);
        try {
            DataSourceSettings settings = new DataSourceSettings("default", NotYetValidDriver.URL, "", "", 1);

            // A transient SQLException is what awaitReachable waits on (Patience retries it); returning would end it.
            assertThatThrownBy(() -> DatabaseProbe.check(settings, home))
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("did not pass a validity check");
        } finally {
            DriverManager.deregisterDriver(notYetValid);
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

    /** Opens connections that fail {@link Connection#isValid}, as a database that accepts but cannot serve yet. */
    private static final class NotYetValidDriver implements Driver {
        static final String URL = "jdbc:not-yet-valid:db";

        @Override
        public Connection connect(String url, Properties info) {
            if (!acceptsURL(url)) {
                return null;
            }
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isValid" -> false;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith(URL);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }
}
