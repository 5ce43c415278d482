package dev.workerhost.host.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFormatTest {

    @TempDir
    Path home;

    @Test
    void jsonMakesEveryLineAJsonObjectWithTheMessageTheMdcAndTheException() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Logger logger = loggerWritingTo(written);

        LogFormat.JSON.applyTo(logger);
        logger.info("before any plugin call");
        try (PluginLogContext context = PluginLogContext.open("task", "task", "wf-1", "run-1")) {
            logger.warn("task {} resumes after {} records", "t1", 42, new IllegalStateException("boom"));
        }
        logger.info("after the plugin call");

        List<JsonNode> lines = written.toString(StandardCharsets.UTF_8).lines().map(LogFormatTest::parse).toList();
        assertThat(lines).hasSize(3);
        JsonNode pluginLine = lines.get(1);
        assertThat(pluginLine.path("level").asText()).isEqualTo("WARN");
        assertThat(pluginLine.path("loggerName").asText()).isEqualTo(logger.getName());
        assertThat(pluginLine.path("formattedMessage").asText()).isEqualTo("task t1 resumes after 42 records");
        assertThat(pluginLine.path("mdc").path("plugin").asText()).isEqualTo("task");
        assertThat(pluginLine.path("mdc").path("task_queue").asText()).isEqualTo("task");
        assertThat(pluginLine.path("mdc").path("workflow_id").asText()).isEqualTo("wf-1");
        assertThat(pluginLine.path("mdc").path("run_id").asText()).isEqualTo("run-1");
        assertThat(pluginLine.path("throwable").toString()).contains("IllegalStateException", "boom");
        assertThat(lines.get(2).path("mdc").has("plugin")).as("the context is gone after the call").isFalse();
    }

    @Test
    void closingANestedContextPutsBackTheOuterOne() {
        try (PluginLogContext outer = PluginLogContext.open("billing", "billing", "outer", "run-o")) {
            try (PluginLogContext inner = PluginLogContext.open("plan", "plan", "inner", "run-i")) {
                assertThat(MDC.get(PluginLogContext.PLUGIN)).isEqualTo("plan");
            }
            assertThat(MDC.get(PluginLogContext.PLUGIN)).isEqualTo("billing");
            assertThat(MDC.get(PluginLogContext.WORKFLOW_ID)).isEqualTo("outer");
        }
        assertThat(MDC.get(PluginLogContext.PLUGIN)).isNull();
    }

    @Test
    void theFormatComesFromHostLogFormat() {
        assertThat(LogFormat.from(TestConfigs.config(home, Map.of()))).isEqualTo(LogFormat.TEXT);
        assertThat(LogFormat.from(TestConfigs.config(home, Map.of("host.log.format", "JSON")))).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> LogFormat.from(TestConfigs.config(home, Map.of("host.log.format", "xml"))))
                .hasMessage("config key host.log.format: \"xml\" is neither text nor json");
    }

    /** A logger of its own with a text appender, as config/logback.xml sets up the root logger. */
    private static Logger loggerWritingTo(ByteArrayOutputStream out) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("log-format-test-" + System.nanoTime());
        logger.setAdditive(false);
        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern("%level %msg%n");
        text.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(text);
        appender.setOutputStream(out);
        appender.start();
        logger.addAppender(appender);
        return logger;
    }

    private static JsonNode parse(String line) {
        try {
            return Json.reader().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
