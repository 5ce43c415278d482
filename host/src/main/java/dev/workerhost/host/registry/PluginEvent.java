package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One change to the plugins of a running host, as {@code GET /plugins} shows it in a plugin's history and
 * {@code POST /plugins/reload} answers it: what happened to which version from where, and for a refusal or a
 * failure, why.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PluginEvent(Instant at, String plugin, String version, String location, Change change, String detail) {

    /** What happened. */
    public enum Change {
        /** Started with the host. */
        STARTED,
        /** Dropped into the running host, checked and started. */
        ADDED,
        /** Its files were taken away: it stopped polling, drained and was closed. */
        REMOVED,
        /** A new version took the plugin's place; the old one drained. */
        UPGRADED,
        /** A new version was refused; the running one keeps serving. */
        UPGRADE_REFUSED,
        /** Refused or broken; nothing that runs changed. */
        FAILED
    }

    public PluginEvent {
        requireNonNull(at, "at is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(location, "location is null");
        requireNonNull(change, "change is null");
    }

    /** One line for the log. */
    public String describe() {
        return "plugin " + plugin + (version == null ? "" : " " + version) + " (" + location + ") "
                + change.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail == null ? "" : ": " + detail);
    }
}
