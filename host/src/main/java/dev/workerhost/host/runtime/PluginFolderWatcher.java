package dev.workerhost.host.runtime;

import dev.workerhost.host.loading.PluginFiles;
import dev.workerhost.host.loading.PluginScanner;
import dev.workerhost.host.registry.PluginEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running plugins in step with the plugins folder ({@code host.plugins.watch}): it looks at the folder a
 * few times per {@code host.plugins.watch-settle} and hands the plugins whose files changed (added, replaced,
 * removed) to {@link PluginLifecycle#apply} together, once every change has stayed the same for the settle time, so
 * a half-copied jar is never loaded. {@link #rescan} ({@code POST /plugins/reload}) acts at once on every change,
 * settled or not.
 */
final class PluginFolderWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderWatcher.class);

    private final Path pluginsDir;
    private final Duration settle;
    private final PluginLifecycle plugins;
    /** The files of each plugin as the lifecycle last acted on them, by location. */
    private final Map<Path, PluginFiles> applied;
    /** A location whose files differ from what was applied: how they look now, and since when. */
    private final Map<Path, Observed> changing = new TreeMap<>();
    private ScheduledExecutorService timer;
    private String lastProblem;

    private record Observed(PluginFiles files, Instant since) {
    }

    /**
     * @param applied the files of each plugin as they were when the host installed them (looked at before the
     *     install, so a change during the start is acted on)
     */
    PluginFolderWatcher(Path pluginsDir, Duration settle, PluginLifecycle plugins, Map<Path, PluginFiles> applied) {
        this.pluginsDir = pluginsDir;
        this.settle = settle;
        this.plugins = plugins;
        this.applied = new HashMap<>(applied);
    }

    /** The files of every plugin in {@code pluginsDir} now, by location. */
    static Map<Path, PluginFiles> look(Path pluginsDir) {
        Map<Path, PluginFiles> files = new LinkedHashMap<>();
        PluginScanner.locations(pluginsDir).forEach(location -> files.put(location, PluginFiles.of(location)));
        return files;
    }

    /** Looks at the folder from now on, on a daemon thread of its own. */
    synchronized void watch() {
        long interval = Math.min(1000, Math.max(50, settle.toMillis() / 4));
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugin-folder-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> scan(false), interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("watching {} for plugins (settle time {} ms)", pluginsDir, settle.toMillis());
    }

    /** Acts on every change in the folder now; what changed, as the plugins' histories record it. */
    List<PluginEvent> rescan() {
        return scan(true);
    }

    private synchronized List<PluginEvent> scan(boolean now) {
        Map<Path, PluginFiles> current;
        try {
            current = look(pluginsDir);
        } catch (RuntimeException e) {
            String problem = e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warn("cannot look at the plugins folder: {}", problem);
                lastProblem = problem;
            }
            return List.of();
        }
        lastProblem = null;
        Instant time = Instant.now();
        Set<Path> locations = new LinkedHashSet<>(applied.keySet());
        locations.addAll(current.keySet());
        boolean still = true;
        for (Path location : locations) {
            PluginFiles files = current.get(location);
            if (Objects.equals(files, applied.get(location))) {
                changing.remove(location);
                continue;
            }
            Observed seen = changing.get(location);
            if (seen == null || !Objects.equals(seen.files(), files)) {
                seen = new Observed(files, time);
                changing.put(location, seen);
            }
            still &= !time.isBefore(seen.since().plus(settle));
        }
        // All changes together once the folder is still, so taking out an old version and dropping in its
        // successor under another name is one upgrade, not a removal and a refused newcomer.
        if (changing.isEmpty() || !(now || still)) {
            return List.of();
        }
        List<Path> present = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        changing.forEach((location, seen) -> {
            if (seen.files() == null) {
                applied.remove(location);
                gone.add(location);
            } else {
                applied.put(location, seen.files());
                present.add(location);
            }
        });
        changing.clear();
        try {
            return plugins.apply(present.stream().map(PluginScanner::source).toList(), gone);
        } catch (RuntimeException e) {
            LOG.warn("cannot apply the changes of the plugins folder: {}", e.toString());
            LOG.debug("plugins folder change failed", e);
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
