package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.PluginLoadException;
import dev.workerhost.spi.ModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the host holds about one plugin, healthy or not: its descriptor and, as far as it got, the loaded
 * plugin, the context it was registered with, what it declared, and the error that broke it. Immutable: the
 * registry replaces an entry when the plugin's state changes.
 */
public final class PluginEntry {

    private final Path location;
    private final PluginDescriptor descriptor;
    private final LoadedPlugin plugin;
    private final ModuleContext context;
    private final PluginDeclarations declarations;
    private final Throwable error;

    private PluginEntry(Path location, PluginDescriptor descriptor, LoadedPlugin plugin, ModuleContext context,
            PluginDeclarations declarations, Throwable error) {
        this.location = requireNonNull(location, "location is null");
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.plugin = plugin;
        this.context = context;
        this.declarations = declarations;
        this.error = error;
    }

    /** A plugin that could not be loaded: named after its jar or folder, with neither version nor SPI version. */
    public static PluginEntry unloadable(PluginLoadException problem) {
        return new PluginEntry(problem.location(), new PluginDescriptor(problem.location().getFileName().toString(), null,
                problem.location().toString(), null, PluginState.FAILED, problem.reason(), List.of(), List.of(),
                List.of(), List.of()), null, null, null, problem);
    }

    /** A plugin turned off in the configuration; it is neither registered nor started. */
    public static PluginEntry disabled(LoadedPlugin plugin) {
        return new PluginEntry(plugin.location(), describe(plugin, PluginState.DISABLED, null, null), plugin, null,
                null, null);
    }

    /** A loaded plugin that broke before it declared anything, e.g. its configuration is invalid or register threw. */
    public static PluginEntry broken(LoadedPlugin plugin, String cause, Throwable error) {
        return new PluginEntry(plugin.location(), describe(plugin, PluginState.FAILED, cause, null), plugin, null,
                null, error);
    }

    /** A plugin whose register ran: a candidate for {@link PluginRegistry#admit}. */
    public static PluginEntry declared(LoadedPlugin plugin, ModuleContext context, PluginDeclarations declarations) {
        requireNonNull(context, "context is null");
        requireNonNull(declarations, "declarations is null");
        return new PluginEntry(plugin.location(), describe(plugin, PluginState.LOADED, null, declarations), plugin,
                context, declarations, null);
    }

    /** This entry in another state; a FAILED cause comes with the error behind it, if any. */
    PluginEntry withState(PluginState state, String cause, Throwable newError) {
        return new PluginEntry(location, descriptor.withState(state, cause), plugin, context, declarations, newError);
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    public String name() {
        return descriptor.name();
    }

    /** The jar or folder the plugin lies in: what identifies an entry. */
    public Path location() {
        return location;
    }

    public PluginState state() {
        return descriptor.state();
    }

    /** Registered and not given up: its names are owned and its workers may poll. */
    public boolean isRegistered() {
        return declarations != null && (state() == PluginState.LOADED || state() == PluginState.STARTED);
    }

    /** Absent for a plugin that could not be loaded. */
    public Optional<LoadedPlugin> plugin() {
        return Optional.ofNullable(plugin);
    }

    /** The context the plugin was registered with and is started with; absent unless register ran. */
    public Optional<ModuleContext> context() {
        return Optional.ofNullable(context);
    }

    /** What made the plugin FAILED, for the stack trace at DEBUG; absent for refusals that are the host's own. */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /** The plugin's workflow types, each with its task queue; empty unless register ran. */
    public List<WorkflowRegistration> workflows() {
        return declarations == null ? List.of() : declarations.workflows();
    }

    /** What the plugin's workers register, one entry per task queue; empty unless register ran. */
    public List<QueueContents> queues() {
        return declarations == null ? List.of() : declarations.contents();
    }

    Optional<PluginDeclarations> declarations() {
        return Optional.ofNullable(declarations);
    }

    private static PluginDescriptor describe(
            LoadedPlugin plugin, PluginState state, String cause, PluginDeclarations declared) {
        return new PluginDescriptor(plugin.name(), plugin.version(), plugin.location().toString(),
                plugin.spiVersion(), state, cause,
                declared == null ? List.of() : declared.taskQueues(),
                declared == null ? List.of() : declared.workflowTypes(),
                declared == null ? List.of() : List.copyOf(declared.activityTypes().keySet()),
                plugin.warnings());
    }
}
