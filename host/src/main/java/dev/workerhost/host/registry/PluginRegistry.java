package dev.workerhost.host.registry;

import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.loading.LoadFailures;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.PluginLoadException;
import dev.workerhost.spi.ModuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which plugin runs what: workflow type -> task queue -> plugin, activity types, and a descriptor for every plugin
 * found, healthy or not. A plugin's declarations are checked against the plugins registered before it and then
 * committed as a whole, so a refused plugin leaves nothing behind.
 */
public final class PluginRegistry {

    private final List<PluginDescriptor> descriptors = new ArrayList<>();
    private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
    private final Map<String, PluginDeclarations> declarations = new LinkedHashMap<>();

    /** Records a plugin that could not be loaded, under its jar's or folder's name. */
    public synchronized PluginDescriptor recordLoadFailure(PluginLoadException failure) {
        PluginDescriptor descriptor = new PluginDescriptor(failure.location().getFileName().toString(), null,
                failure.location().toString(), null, PluginState.FAILED, failure.reason(),
                List.of(), List.of(), List.of());
        descriptors.add(descriptor);
        return descriptor;
    }

    /** Records a plugin turned off in the configuration; it is neither registered nor started. */
    public synchronized PluginDescriptor recordDisabled(LoadedPlugin plugin) {
        return add(describe(plugin, PluginState.DISABLED, null, null));
    }

    /**
     * Calls the plugin's {@code register} with its class loader as context class loader and commits what it
     * declared, unless it throws or conflicts with a plugin registered before.
     */
    public synchronized PluginDescriptor register(LoadedPlugin plugin, ModuleContext context) {
        Optional<String> conflict = nameConflict(plugin);
        if (conflict.isPresent()) {
            return add(describe(plugin, PluginState.FAILED, conflict.get(), null));
        }
        PluginDeclarations declared = new PluginDeclarations(plugin.name(), plugin.loader());
        try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
            plugin.module().register(context, declared);
        } catch (Exception | LinkageError e) {
            return add(describe(plugin, PluginState.FAILED, "register failed: " + LoadFailures.describe(e), declared));
        }
        conflict = declarationConflict(declared);
        if (conflict.isPresent()) {
            return add(describe(plugin, PluginState.FAILED, conflict.get(), declared));
        }
        plugins.put(plugin.name(), plugin);
        declarations.put(plugin.name(), declared);
        return add(describe(plugin, PluginState.LOADED, null, declared));
    }

    public synchronized void markStarted(String pluginName) {
        replace(pluginName, PluginState.STARTED, null);
    }

    /** Marks a registered plugin as failed (e.g. its {@code start} threw) and withdraws its queues and types. */
    public synchronized void markFailed(String pluginName, String cause) {
        replace(pluginName, PluginState.FAILED, cause);
        declarations.remove(pluginName);
    }

    public synchronized List<PluginDescriptor> descriptors() {
        return List.copyOf(descriptors);
    }

    public synchronized List<PluginDescriptor> broken() {
        return descriptors.stream().filter(PluginDescriptor::isBroken).toList();
    }

    /** The healthy plugins, in registration order. */
    public synchronized List<LoadedPlugin> healthyPlugins() {
        return declarations.keySet().stream().map(plugins::get).toList();
    }

    public synchronized Optional<WorkflowRegistration> workflow(String workflowType) {
        return declarations.values().stream()
                .flatMap(declared -> declared.workflows().stream())
                .filter(registration -> registration.workflowType().equals(workflowType))
                .findFirst();
    }

    /** The workflow types of healthy plugins, sorted. */
    public synchronized List<String> workflowTypes() {
        TreeSet<String> types = new TreeSet<>();
        declarations.values().forEach(declared ->
                declared.workflows().forEach(registration -> types.add(registration.workflowType())));
        return List.copyOf(types);
    }

    /** What every worker of the healthy plugins registers, one entry per task queue. */
    public synchronized List<QueueContents> queues() {
        return declarations.values().stream().flatMap(declared -> declared.contents().stream()).toList();
    }

    private Optional<String> nameConflict(LoadedPlugin plugin) {
        LoadedPlugin other = plugins.get(plugin.name());
        return other == null
                ? Optional.empty()
                : Optional.of("another plugin named " + plugin.name() + " is already loaded from " + other.location()
                        + ": plugin names must be unique");
    }

    private Optional<String> declarationConflict(PluginDeclarations declared) {
        for (Map.Entry<String, PluginDeclarations> other : declarations.entrySet()) {
            for (String queue : declared.taskQueues()) {
                if (other.getValue().taskQueues().contains(queue)) {
                    return Optional.of("task queue " + queue + " is already claimed by plugin " + other.getKey()
                            + ": a task queue belongs to one plugin");
                }
            }
            for (WorkflowRegistration workflow : declared.workflows()) {
                if (other.getValue().workflows().stream()
                        .anyMatch(registered -> registered.workflowType().equals(workflow.workflowType()))) {
                    return Optional.of("workflow type " + workflow.workflowType()
                            + " is already registered by plugin " + other.getKey());
                }
            }
            for (String activityType : declared.activityTypes().keySet()) {
                if (other.getValue().activityTypes().containsKey(activityType)) {
                    return Optional.of("activity type " + activityType + " is already registered by plugin "
                            + other.getKey() + " (give the activity interface a namePrefix)");
                }
            }
        }
        return Optional.empty();
    }

    private PluginDescriptor add(PluginDescriptor descriptor) {
        descriptors.add(descriptor);
        return descriptor;
    }

    private void replace(String pluginName, PluginState state, String cause) {
        for (int i = 0; i < descriptors.size(); i++) {
            PluginDescriptor descriptor = descriptors.get(i);
            if (descriptor.name().equals(pluginName) && !descriptor.isBroken()) {
                descriptors.set(i, descriptor.withState(state, cause));
                return;
            }
        }
        throw new IllegalArgumentException("no registered plugin named " + pluginName);
    }

    private static PluginDescriptor describe(
            LoadedPlugin plugin, PluginState state, String cause, PluginDeclarations declared) {
        return new PluginDescriptor(plugin.name(), plugin.version(), plugin.location().toString(),
                plugin.spiVersion(), state, cause,
                declared == null ? List.of() : declared.taskQueues(),
                declared == null ? List.of() : declared.workflows().stream()
                        .map(WorkflowRegistration::workflowType).toList(),
                declared == null ? List.of() : List.copyOf(declared.activityTypes().keySet()));
    }
}
