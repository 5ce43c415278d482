package dev.workerhost.host.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened to each plugin while the host ran, by plugin name, the latest {@value #KEPT} events of each: loads,
 * upgrades, refusals, removals. Thread-safe.
 */
public final class PluginHistory {

    static final int KEPT = 20;

    private final Map<String, Deque<PluginEvent>> byPlugin = new TreeMap<>();

    public synchronized void record(PluginEvent event) {
        Deque<PluginEvent> events = byPlugin.computeIfAbsent(event.plugin(), plugin -> new ArrayDeque<>());
        if (events.size() == KEPT) {
            events.removeFirst();
        }
        events.addLast(event);
    }

    /** Each plugin's events, oldest first, by plugin name. */
    public synchronized Map<String, List<PluginEvent>> byPlugin() {
        Map<String, List<PluginEvent>> copy = new TreeMap<>();
        byPlugin.forEach((plugin, events) -> copy.put(plugin, List.copyOf(events)));
        return copy;
    }
}
