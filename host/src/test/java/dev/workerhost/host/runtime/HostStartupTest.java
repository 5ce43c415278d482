package dev.workerhost.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.typesafe.config.Config;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.RecordedLog;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a host while it starts (SIGTERM interrupts the starting thread): it gives up cleanly. */
class HostStartupTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void anUnreachableTemporalAtStartIsWaitedForWithOneLogLinePerAttemptUntilTheHostIsStopped() throws Exception {
        String target = "127.0.0.1:" + FreePort.find();
        Config config = TestConfigs.config(home, Map.of(
                "temporal.target", target,
                "host.plugins-dir", Fixtures.emptyPluginsDir(home).toString()));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try (RecordedLog log = RecordedLog.start(TemporalConnector.class.getName())) {
            Thread starting = startInBackground(config, ended);
            log.await(event -> event.getFormattedMessage().contains("(attempt 1 "), PATIENCE);
            assertThat(starting.isAlive()).as("still waiting for Temporal").isTrue();

            starting.interrupt();
            starting.join(PATIENCE.toMillis());

            assertThat(starting.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
            assertThat(log.events()).allSatisfy(event -> {
                assertThat(event.getFormattedMessage())
                        .startsWith("Temporal at " + target + " is not reachable (attempt ");
                assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
            });
        }
    }

    @Test
    void aHostStoppedWhileAPluginStartsStopsWithoutWaitingForIt() throws Exception {
        Path plugins = Fixtures.emptyPluginsDir(home);
        Fixtures.brokenJar(plugins, "blocking.jar", "fixture.broken.BlockingStartModule");
        Config config = TestConfigs.config(home, Map.of(
                "host.plugins-dir", plugins.toString(),
                "temporal.embedded.port", String.valueOf(FreePort.find())));
        AtomicReference<Throwable> ended = new AtomicReference<>();
        try (RecordedLog log = RecordedLog.all()) {
            Thread starting = startInBackground(config, ended);
            log.await(event -> event.getFormattedMessage().equals("starting plugin blocking-start"), PATIENCE);

            starting.interrupt();
            starting.join(PATIENCE.toMillis());

            assertThat(starting.isAlive()).isFalse();
            assertThat(ended.get()).isInstanceOf(InterruptedException.class);
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("worker-host stopped")
                    .noneMatch(message -> message.startsWith("plugin blocking-start started"));
        }
    }

    private Thread startInBackground(Config config, AtomicReference<Throwable> ended) {
        Thread starting = new Thread(() -> {
            try {
                Host.start(config, TestConfigs.settings(config, home)).close();
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        starting.start();
        return starting;
    }
}
