package dev.workerhost.host.runtime;

import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginEvent.Change;
import dev.workerhost.host.registry.PluginHistory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every change to the running plugins goes, the same way for each: the plugin's {@link PluginHistory}
 * ({@code GET /plugins}), the counter {@code worker.host.plugin.changes{plugin, change}} and one log line (WARN for
 * a failure or a refused upgrade).
 */
final class PluginChangeLog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginLifecycle.class);

    private final PluginHistory history = new PluginHistory();
    private final MeterRegistry meters;

    PluginChangeLog(MeterRegistry meters) {
        this.meters = meters;
    }

    PluginHistory history() {
        return history;
    }

    static PluginEvent event(PluginEntry entry, Change change, String detail) {
        return new PluginEvent(Instant.now(), entry.name(), entry.descriptor().version(),
                entry.location().toString(), change, detail);
    }

    /** An event of {@code candidate}, a new version, that names the version it would replace. */
    static PluginEvent upgradeEvent(PluginEntry predecessor, PluginEntry candidate, Change change, String detail) {
        String from = "from " + predecessor.descriptor().version() + " (" + predecessor.location() + ")";
        return new PluginEvent(Instant.now(), predecessor.name(), candidate.descriptor().version(),
                candidate.location().toString(), change, detail == null ? from : from + ": " + detail);
    }

    /** Records the change and logs it. */
    PluginEvent report(PluginEvent event) {
        record(event);
        if (event.change() == Change.FAILED || event.change() == Change.UPGRADE_REFUSED) {
            LOG.warn(event.describe());
        } else {
            LOG.info(event.describe());
        }
        return event;
    }

    /** Records the change without a log line, for what the caller logs its own way (the host's start). */
    void record(PluginEvent event) {
        history.record(event);
        meters.counter("worker.host.plugin.changes", "plugin", event.plugin(),
                "change", event.change().name().toLowerCase(Locale.ROOT)).increment();
    }
}
