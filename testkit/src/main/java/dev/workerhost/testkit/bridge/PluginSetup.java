package dev.workerhost.testkit.bridge;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The plugin under test and the world it runs in.
 *
 * @param location where the plugin lies, as the host names it in messages: a jar, a folder of jars, or a build's
 *     classes folder
 * @param classPath the plugin's classes and its own libraries; empty to read {@code location} as a plugins folder
 *     entry (a jar, or a folder of jars)
 * @param config HOCON over the host's and the plugin's defaults, e.g. {@code plugins.<name> { ... }}
 * @param dataSources the datasources plugins get by name
 * @param meters where the plugin's meters go (Micrometer is shared by both sides)
 * @param target {@code host:port} of a Temporal server to run against in real time, or empty for an in-process one
 * @param timeSkipping whether the in-process server skips time while every workflow waits
 */
public record PluginSetup(
        Path location,
        List<Path> classPath,
        String config,
        Map<String, DataSource> dataSources,
        MeterRegistry meters,
        Optional<String> target,
        boolean timeSkipping) {

    public PluginSetup {
        requireNonNull(location, "location is null");
        classPath = List.copyOf(classPath);
        requireNonNull(config, "config is null");
        dataSources = Map.copyOf(dataSources);
        requireNonNull(meters, "meters is null");
        requireNonNull(target, "target is null");
    }
}
