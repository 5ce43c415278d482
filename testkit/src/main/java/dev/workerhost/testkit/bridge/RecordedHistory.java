package dev.workerhost.testkit.bridge;

import static java.util.Objects.requireNonNull;

/** A workflow history as Temporal writes it in JSON, and where it came from (e.g. its file), for messages. */
public record RecordedHistory(String source, String json) {

    public RecordedHistory {
        requireNonNull(source, "source is null");
        requireNonNull(json, "json is null");
    }
}
