package dev.workerhost.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history of one run, in the JSON Temporal writes (what {@code temporal workflow show --output json} prints), with
 * the few readings tests need. {@link #writeTo} records it for replay tests.
 */
public final class WorkflowHistory {

    private final String json;
    private final List<JsonNode> events = new ArrayList<>();

    WorkflowHistory(String json) {
        this.json = json;
        TestSideJson.tree(json).path("events").forEach(events::add);
    }

    /** Every event, in order, as Temporal's JSON has it ({@code eventId}, {@code eventType}, its attributes). */
    public List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** The attempt number of this run: 1 unless its retry policy started it again. */
    public int workflowAttempt() {
        return startedAttributes().path("attempt").asInt(1);
    }

    /** The cron schedule the run was started with, if any. */
    public Optional<String> cronSchedule() {
        String cron = startedAttributes().path("cronSchedule").asText("");
        return cron.isEmpty() ? Optional.empty() : Optional.of(cron);
    }

    /**
     * The attempt number of each activity the run started, in order: a failure that was not retried shows as
     * attempt 1 (Temporal records only the last attempt of a retried activity).
     */
    public List<Integer> activityAttempts() {
        return attributes("activityTaskStartedEventAttributes").stream()
                .map(started -> started.path("attempt").asInt(1))
                .toList();
    }

    /** Like {@link #activityAttempts()}, for the activities of one type only. */
    public List<Integer> activityAttempts(String activityType) {
        Map<String, String> typeByScheduledEvent = new HashMap<>();
        for (JsonNode event : events) {
            JsonNode scheduled = event.path("activityTaskScheduledEventAttributes");
            if (!scheduled.isMissingNode()) {
                typeByScheduledEvent.put(event.path("eventId").asText(), scheduled.path("activityType").path("name").asText());
            }
        }
        return attributes("activityTaskStartedEventAttributes").stream()
                .filter(started -> activityType.equals(typeByScheduledEvent.get(started.path("scheduledEventId").asText())))
                .map(started -> started.path("attempt").asInt(1))
                .toList();
    }

    /** The history as Temporal's JSON. */
    public String json() {
        return json;
    }

    /** Writes the history to {@code file}, e.g. under {@code src/test/resources/histories/} for a replay test. */
    public Path writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the history to " + file, e);
        }
    }

    private JsonNode startedAttributes() {
        return events.isEmpty() ? TestSideJson.tree("{}")
                : events.get(0).path("workflowExecutionStartedEventAttributes");
    }

    private List<JsonNode> attributes(String field) {
        return events.stream().map(event -> event.path(field)).filter(node -> !node.isMissingNode()).toList();
    }
}
