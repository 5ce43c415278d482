package dev.workerhost.host.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The index of every plugin the host knows, healthy or not: one {@link PluginEntry} per plugin, keyed by its
 * location, and from the registered entries which plugin runs what (workflow type -> task queue -> plugin,
 * activity types). It never calls plugin code. Plugins come in through {@link #admit}, where {@link Ownership}
 * decides who may have which name, and a plugin's names are released when it fails. Thread-safe, so entries can
 * come and go while the host runs.
 */
public final class PluginRegistry {

    private final Map<Path, PluginEntry> entries = new LinkedHashMap<>();

    /**
     * Records plugins found together. Candidates whose register ran are registered unless they claim a name another
     * plugin owns or another candidate claims too (then every claimant is refused, FAILED with each contested name
     * and its other claimants); the others are recorded as they are.
     *
     * @return the entries as recorded, in the order given
     */
    public synchronized List<PluginEntry> admit(List<PluginEntry> found) {
        List<PluginEntry> candidates = found.stream().filter(PluginEntry::isRegistered).toList();
        Map<Path, String> refusals = Ownership.refusals(registered(), candidates);
        List<PluginEntry> recorded = new ArrayList<>();
        for (PluginEntry entry : found) {
            String refusal = refusals.get(entry.location());
            PluginEntry admitted = refusal == null ? entry : entry.withState(PluginState.FAILED, refusal, null);
            entries.put(admitted.location(), admitted);
            recorded.add(admitted);
        }
        return recorded;
    }

    /**
     * Why {@code candidate}, a new version of the registered plugin {@code predecessor}, may not take its place: it
     * claims a name that another registered plugin owns. Its predecessor's names are its to take.
     */
    public synchronized Optional<String> refusal(PluginEntry predecessor, PluginEntry candidate) {
        List<PluginEntry> owners = registered().stream()
                .filter(entry -> !entry.location().equals(predecessor.location()))
                .toList();
        return Optional.ofNullable(Ownership.refusals(owners, List.of(candidate)).get(candidate.location()));
    }

    /** Puts {@code candidate} (checked with {@link #refusal}) in the place of its predecessor, started. */
    public synchronized void replace(PluginEntry predecessor, PluginEntry candidate) {
        entries.remove(predecessor.location());
        entries.put(candidate.location(), candidate.withState(PluginState.STARTED, null, null));
    }

    /** Marks a registered plugin as started: its workers poll. */
    public synchronized void markStarted(PluginEntry plugin) {
        replace(plugin, PluginState.STARTED, null, null);
    }

    /** Marks a registered plugin as FAILED (e.g. its {@code start} threw) and releases its names. */
    public synchronized PluginEntry markFailed(PluginEntry plugin, String cause, Throwable error) {
        return replace(plugin, PluginState.FAILED, cause, error);
    }

    /** Forgets the plugin at {@code location} (its files are gone), releasing its names; the entry it had, if any. */
    public synchronized Optional<PluginEntry> remove(Path location) {
        return Optional.ofNullable(entries.remove(location));
    }

    public synchronized Optional<PluginEntry> entry(Path location) {
        return Optional.ofNullable(entries.get(location));
    }

    public synchronized List<PluginEntry> entries() {
        return List.copyOf(entries.values());
    }

    public synchronized List<PluginDescriptor> descriptors() {
        return entries.values().stream().map(PluginEntry::descriptor).toList();
    }

    public synchronized List<PluginDescriptor> broken() {
        return descriptors().stream().filter(PluginDescriptor::isBroken).toList();
    }

    /** The plugins that own their names (loaded or started), in the order they were found. */
    public synchronized List<PluginEntry> registered() {
        return entries.values().stream().filter(PluginEntry::isRegistered).toList();
    }

    public synchronized Optional<WorkflowRegistration> workflow(String workflowType) {
        return declarations().stream()
                .flatMap(declared -> declared.workflows().stream())
                .filter(registration -> registration.workflowType().equals(workflowType))
                .findFirst();
    }

    /** The workflow types of the registered plugins, sorted. */
    public synchronized List<String> workflowTypes() {
        TreeSet<String> types = new TreeSet<>();
        declarations().forEach(declared -> types.addAll(declared.workflowTypes()));
        return List.copyOf(types);
    }

    /** What every worker of the registered plugins registers, one entry per task queue. */
    public synchronized List<QueueContents> queues() {
        return declarations().stream().flatMap(declared -> declared.contents().stream()).toList();
    }

    private List<PluginDeclarations> declarations() {
        return registered().stream().flatMap(entry -> entry.declarations().stream()).toList();
    }

    private PluginEntry replace(PluginEntry plugin, PluginState state, String cause, Throwable error) {
        PluginEntry entry = entries.get(plugin.location());
        if (entry == null || !entry.isRegistered()) {
            throw new IllegalArgumentException("no registered plugin at " + plugin.location());
        }
        PluginEntry replaced = entry.withState(state, cause, error);
        entries.put(replaced.location(), replaced);
        return replaced;
    }
}
