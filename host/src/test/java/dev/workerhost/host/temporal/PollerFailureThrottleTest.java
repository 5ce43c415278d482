package dev.workerhost.host.temporal;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import dev.workerhost.host.runtime.Host;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A running host whose Temporal server goes away: what its log says meanwhile. */
class PollerFailureThrottleTest {

    @TempDir
    Path home;

    @Test
    void whileTemporalIsGoneTheLogHasOneLinePerTaskQueueAndNoStackTraces() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.greeterJar(plugins, "alpha.jar", greeter("alpha"), "v1");
        int port = FreePort.find();
        EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", port);
        Config config = TestConfigs.config(home, Map.of(
                "host.plugins-dir", plugins.toString(),
                "host.shutdown-timeout", "1s",
                "temporal.target", "127.0.0.1:" + port));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (Host host = Host.start(config, TestConfigs.settings(config, home))) {
            root.addAppender(log);
            log.start();
            server.close();

            awaitLine(log, "Temporal is not reachable from the workers of task queue alpha-queue: ");
            // pollers retry about 1.5 times a second: a few seconds would hold several failures each
            Thread.sleep(3_000);
        } finally {
            root.detachAppender(log);
        }

        List<String> throttled = lines(log).stream()
                .filter(line -> line.startsWith("Temporal is not reachable from the workers of task queue "))
                .toList();
        assertThat(throttled).as("one line per task queue").hasSize(1);
        assertThat(lines(log)).as("one line for the workers' other calls, e.g. when they stop")
                .filteredOn(line -> line.startsWith("Temporal is not reachable from the workers: ")).hasSizeLessThan(2);
        assertThat(log.list).as("no SDK stack trace").noneMatch(event ->
                event.getLoggerName().startsWith("io.temporal") && event.getThrowableProxy() != null
                        && event.getThrowableProxy().getMessage() != null
                        && event.getThrowableProxy().getMessage().startsWith("UNAVAILABLE"));
    }

    private static List<String> lines(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static void awaitLine(ListAppender<ILoggingEvent> log, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (lines(log).stream().noneMatch(line -> line.startsWith(prefix))) {
            assertThat(System.nanoTime()).as("waited 30 s for \"%s\"; the log: %s", prefix, lines(log))
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
