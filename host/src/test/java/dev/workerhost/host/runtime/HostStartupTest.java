package dev.workerhost.host.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.testing.Fixtures;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class HostStartupTest {

    @TempDir
    Path home;

    @Test
    void anUnreachableTemporalAtStartIsWaitedForWithOneLogLinePerAttemptUntilTheHostIsStopped() throws Exception {
        String target = "127.0.0.1:" + FreePort.find();
        Config config = TestConfigs.config(home, Map.of(
                "temporal.target", target,
                "host.plugins-dir", Fixtures.emptyPluginsDir(home).toString()));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger connectorLog = (Logger) LoggerFactory.getLogger(TemporalConnector.class);
        connectorLog.addAppender(log);
        log.start();
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread starting = new Thread(() -> {
            try {
                Host.start(config, TestConfigs.settings(config, home)).close();
            } catch (Throwable e) {
                ended.set(e);
            }
        });
        try {
            starting.start();
            Thread.sleep(4_000);
            assertThat(starting.isAlive()).as("still waiting for Temporal").isTrue();

            starting.interrupt();
            starting.join(30_000);
        } finally {
            connectorLog.detachAppender(log);
        }

        assertThat(ended.get()).isInstanceOf(InterruptedException.class);
        assertThat(log.list).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).startsWith("Temporal at " + target + " is not reachable (attempt ");
            assertThat(event.getThrowableProxy()).as("no stack trace").isNull();
        });
    }
}
