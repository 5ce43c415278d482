package dev.workerhost.spi;

/**
 * A domain plugin: the service type the host finds with {@link java.util.ServiceLoader}.
 *
 * <p>Implementations need a public no-argument constructor; annotate them with
 * {@code @AutoService(WorkflowModule.class)} so the service entry is written at compile time. The host calls the
 * methods in this order, always with the plugin's own class loader as the thread's context class loader:
 *
 * <ol>
 *   <li>{@link #register} once. It must be cheap and touch nothing outside the JVM: the host also calls it
 *       offline, to describe a plugin without Temporal or a database.
 *   <li>{@link #start} once before the workers poll: run migrations, seed data, start long-running workflows.
 *   <li>{@link #close} once after the workers have drained.
 * </ol>
 *
 * <p>New capabilities arrive as default methods, so a plugin built against an older SPI keeps working.
 */
public interface WorkflowModule {

    /** What {@link #version()} says of a plugin whose jar's manifest has no {@code Implementation-Version}. */
    String UNVERSIONED = "unversioned";

    /** The plugin's name: unique in a host, the key of its config subtree {@code plugins.<name>}. */
    String name();

    /**
     * The SPI version this plugin was compiled against. Implement it as {@code return SpiVersion.CURRENT;}: the
     * constant is inlined into the plugin's class file, so it records the version the plugin was built for.
     */
    int spiVersion();

    /** The plugin's version; by default the {@code Implementation-Version} of its jar's manifest. */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? UNVERSIONED : version;
    }

    /** Declares the plugin's task queues, workflow implementation types and activity instances. */
    void register(ModuleContext context, Registrar registrar);

    /** Prepares what the plugin's workers need at run time. Not called by offline checks. */
    default void start(ModuleContext context) throws Exception {
    }

    /** Releases what {@link #start} acquired. */
    default void close() throws Exception {
    }
}
