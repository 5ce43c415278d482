package dev.workerhost.host.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PatienceTest {

    private final Logger log = (Logger) LoggerFactory.getLogger(PatienceTest.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.addAppender(lines);
        lines.start();
    }

    @AfterEach
    void releaseLog() {
        log.detachAppender(lines);
    }

    @Test
    void eachWarnLineTellsTheTrueDelayUntilTheNextAttempt() throws Exception {
        List<Long> starts = new ArrayList<>();

        String answer = Patience.untilItAnswers("the slow server", () -> {
            starts.add(System.nanoTime());
            Thread.sleep(400);
            if (starts.size() < 3) {
                throw new ConnectException("Connection refused");
            }
            return "up";
        }, log);

        assertThat(answer).isEqualTo("up");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
                first -> assertThat(first).matches("the slow server is not reachable \\(attempt 1 failed after 0\\.[45] s;"
                        + " next attempt in 0\\.[56] s\\): Connection refused"),
                second -> assertThat(second).matches("the slow server is not reachable \\(attempt 2 failed after"
                        + " 0\\.[45] s; next attempt in 1\\.[56] s\\): Connection refused"));
        // attempts start 1 s, then 2 s apart: the attempt's own 0.4 s is part of the interval, not added to it
        assertThat(millisBetween(starts, 0)).isBetween(950L, 1_300L);
        assertThat(millisBetween(starts, 1)).isBetween(1_950L, 2_300L);
    }

    @Test
    void aPermanentFailureEndsTheWaitAtOnceWithoutAWarning() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> Patience.untilItAnswers("the server", () -> {
            attempts.incrementAndGet();
            throw new PermanentStartException("the password is wrong");
        }, log)).isInstanceOf(PermanentStartException.class).hasMessage("the password is wrong");

        assertThat(attempts).hasValue(1);
        assertThat(lines.list).isEmpty();
    }

    private static long millisBetween(List<Long> starts, int index) {
        return (starts.get(index + 1) - starts.get(index)) / 1_000_000;
    }
}
