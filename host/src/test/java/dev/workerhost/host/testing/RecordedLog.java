package dev.workerhost.host.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Records what one logger (and the loggers below it) logs, from {@link #start} until {@link #close}. */
public final class RecordedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private RecordedLog(Logger logger) {
        this.logger = logger;
    }

    public static RecordedLog start(String loggerName) {
        RecordedLog log = new RecordedLog((Logger) LoggerFactory.getLogger(loggerName));
        log.logger.addAppender(log.appender);
        log.appender.start();
        return log;
    }

    /** Everything the host logs. */
    public static RecordedLog all() {
        return start(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) { // the appender adds under this lock
            return List.copyOf(appender.list);
        }
    }

    /** Waits until an event matches, as long as {@code timeout}. */
    public ILoggingEvent await(Predicate<ILoggingEvent> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ILoggingEvent event : events()) {
                if (matching.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing matching was logged within " + timeout + "; logged: "
                        + events().stream().map(ILoggingEvent::getFormattedMessage).toList());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
