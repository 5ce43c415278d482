package dev.workerhost.host.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The fixture plugins the tests use, laid out in a plugins folder the way operators do. */
public final class Fixtures {

    public static final String GREETER_MODULE = "fixture.greeter.GreeterModule";

    private Fixtures() {
    }

    /** The workflow type of greeter plugin {@code plugin}. */
    public static String workflowType(String plugin) {
        return "Greet-" + plugin;
    }

    public static String taskQueue(String plugin) {
        return plugin + "-queue";
    }

    /** Placeholders of a greeter plugin named {@code plugin} with its own queue, workflow and activity types. */
    public static Map<String, String> greeter(String plugin) {
        return greeter(plugin, taskQueue(plugin), workflowType(plugin));
    }

    /** Placeholders of a greeter plugin built against the current SPI. */
    public static Map<String, String> greeter(String plugin, String queue, String workflowType) {
        return greeter(plugin, queue, workflowType, "dev.workerhost.spi.SpiVersion.CURRENT");
    }

    public static Map<String, String> greeter(String plugin, String queue, String workflowType, String spiVersion) {
        return Map.of("PLUGIN", plugin, "QUEUE", queue, "TYPE", workflowType, "PREFIX", plugin + "-",
                "SPI", spiVersion, "DATASOURCE", "");
    }

    /** Placeholders of a greeter plugin whose {@code register} asks for the datasource {@code dataSource}. */
    public static Map<String, String> greeterUsingDataSource(String plugin, String dataSource) {
        Map<String, String> placeholders = new HashMap<>(greeter(plugin));
        placeholders.put("DATASOURCE", "context.dataSource(\"" + dataSource + "\");");
        return placeholders;
    }

    /** A greeter plugin as one jar, the library {@code lib-<libVersion>} inside it. */
    public static Path greeterJar(Path pluginsDir, String fileName, Map<String, String> placeholders, String libVersion) {
        Path library = FixturePluginBuilder.classes("lib-" + libVersion, Map.of());
        Path plugin = FixturePluginBuilder.classes("greeter", placeholders, library);
        return FixturePluginBuilder.jar(pluginsDir.resolve(fileName), GREETER_MODULE, plugin, library);
    }

    /** A greeter plugin as a folder: the plugin's jar beside the library {@code lib-<libVersion>}'s jar. */
    public static Path greeterFolder(Path pluginsDir, String folderName, Map<String, String> placeholders,
            String libVersion) {
        Path library = FixturePluginBuilder.classes("lib-" + libVersion, Map.of());
        Path plugin = FixturePluginBuilder.classes("greeter", placeholders, library);
        Path folder = pluginsDir.resolve(folderName);
        FixturePluginBuilder.jar(folder.resolve("greeter.jar"), GREETER_MODULE, plugin);
        FixturePluginBuilder.jar(folder.resolve("greeter-lib-" + libVersion + ".jar"), null, library);
        return folder;
    }

    /** The relay plugin: its activity starts another plugin's workflow, waits for it and passes its greeting on. */
    public static Path relayJar(Path pluginsDir, String fileName) {
        return FixturePluginBuilder.jar(pluginsDir.resolve(fileName), "fixture.relay.RelayModule",
                FixturePluginBuilder.classes("relay", Map.of()));
    }

    /** Copies the host's temporal-sdk jar into a plugin folder, as a plugin that forgot {@code provided} bundles it. */
    public static Path bundleTemporalSdk(Path pluginFolder) throws Exception {
        Path temporalSdk = Path.of(io.temporal.workflow.Workflow.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        return Files.copy(temporalSdk, pluginFolder.resolve(temporalSdk.getFileName()));
    }

    /**
     * The stepper plugin {@code plugin} at {@code version} as one jar: workflow type {@code Step-<plugin>} on queue
     * {@code <plugin>-queue} runs a step (an activity taking {@code step_millis}), waits for signal {@code release}
     * if its input says {@code wait_for_release}, runs another step and returns what each step's version said.
     * A version that is not {@code compatible} starts the workflow with a timer, so it does not replay a history of
     * a compatible one.
     */
    public static Path stepperJar(Path jarFile, String plugin, String version, boolean compatible) {
        Path classes = FixturePluginBuilder.classes("stepper", Map.of("PLUGIN", plugin, "VERSION", version,
                "BEFORE_FIRST_STEP", compatible ? "" : "Workflow.sleep(Duration.ofMillis(1));"));
        return FixturePluginBuilder.jar(jarFile, "fixture.stepper.StepperModule", classes);
    }

    /** A jar of the broken modules whose service entry names {@code moduleClass}. */
    public static Path brokenJar(Path pluginsDir, String fileName, String moduleClass) {
        return FixturePluginBuilder.jar(pluginsDir.resolve(fileName), moduleClass,
                FixturePluginBuilder.classes("broken", Map.of()));
    }

    public static Path emptyPluginsDir(Path parent) throws java.io.IOException {
        return Files.createDirectories(parent.resolve("plugins"));
    }
}
