package dev.workerhost.host.temporal;

import static dev.workerhost.host.testing.Fixtures.greeter;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import com.typesafe.config.Config;
import dev.workerhost.host.runtime.Host;
import dev.workerhost.host.testing.Await;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

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
        LoggerContext context = root.getLoggerContext();
        FailedPolls failedPolls = new FailedPolls();
        try (Host host = Host.start(config, TestConfigs.settings(config, home))) {
            root.addAppender(log);
            log.start();
            // Ahead of the throttle, which denies what it stands for, so this one sees every failure the SDK logs.
            context.getTurboFilterList().add(0, failedPolls);
            server.close();

            String line = "Temporal is not reachable from the workers of task queue alpha-queue: ";
            Await.until("the line \"" + line + "\"", Duration.ofSeconds(30),
                    () -> lines(log).stream().anyMatch(logged -> logged.startsWith(line)));
            // The throttle had the pollers' retries to hold back too, not just the polls in flight when the server
            // went (those fail at once as CANCELLED; a retry finds nobody listening: UNAVAILABLE).
            Await.until("four retried polls failing", Duration.ofSeconds(30), () -> failedPolls.count.get() >= 4);
        } finally {
            context.getTurboFilterList().remove(failedPolls);
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

    /** Counts the SDK workers' warnings that nobody listens at the server's address; lets each on to the throttle. */
    private static final class FailedPolls extends TurboFilter {
        final AtomicInteger count = new AtomicInteger();

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                Throwable t) {
            Throwable failure = t != null ? t
                    : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last
                    : null;
            if (logger.getName().startsWith("io.temporal.internal.worker") && level != null
                    && level.isGreaterOrEqual(Level.WARN) && failure != null
                    && Status.fromThrowable(failure).getCode() == Status.Code.UNAVAILABLE) {
                count.incrementAndGet();
            }
            return FilterReply.NEUTRAL;
        }
    }

    private static List<String> lines(ListAppender<ILoggingEvent> log) {
        synchronized (log) {
            return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
