package dev.workerhost.host.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import com.typesafe.config.Config;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * {@code host.log.format}: {@code text} keeps the pattern of {@code config/logback.xml}; {@code json} makes every
 * console or file appender of the root logger write one JSON object per line (logback's {@link JsonEncoder}: time,
 * level, thread, logger, the formatted message, the MDC (plugin, task_queue, workflow_id, run_id on plugin-side
 * lines) and the exception). The switch happens once the configuration is read, before the host logs anything.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** @throws IllegalArgumentException naming the key and the values it takes */
    public static LogFormat from(Config config) {
        String value = config.getString("host.log.format");
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "config key host.log.format: \"" + value + "\" is neither text nor json", e);
        }
    }

    /** Puts this format into effect for the root logger's appenders; text leaves logback's configuration alone. */
    public void apply() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            applyTo(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        }
    }

    /** Puts this format into effect for {@code logger}'s own appenders. */
    void applyTo(Logger logger) {
        if (this == TEXT) {
            return;
        }
        LoggerContext context = logger.getLoggerContext();
        for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
            if (appenders.next() instanceof OutputStreamAppender<ILoggingEvent> appender) {
                // Swapped while running: stopping would close the stream, and a plain stream cannot be reopened.
                appender.setEncoder(jsonEncoder(context));
            }
        }
    }

    private static JsonEncoder jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // One field with the message as read ("task t1 was imported"), not the pattern and its arguments apart.
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }
}
