package dev.workerhost.plugins.task;

import com.typesafe.config.Config;
import dev.workerhost.plugins.task.imports.AllowedSources;
import dev.workerhost.plugins.task.imports.UrlPrefix;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The plugin's configuration ({@code plugins.task} in the host's config, defaults in {@code reference.conf}).
 *
 * @param demoFile the sample file of the demo task, already resolved to an absolute path
 * @param sources where import files may come from, folders already resolved to absolute paths
 */
record TaskSettings(String datasource, int chunkSize, Duration connectTimeout, Path demoFile, AllowedSources sources) {

    /**
     * The system property that names the distribution's folder (set by {@code bin/worker-host}); relative paths in
     * the plugin's config resolve against it, else against the working directory.
     */
    static final String HOME_PROPERTY = "worker.host.home";

    TaskSettings {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("plugins.task.chunk-size must be at least 1, not " + chunkSize);
        }
    }

    static TaskSettings from(Config config) {
        return new TaskSettings(
                config.getString("datasource"),
                config.getInt("chunk-size"),
                config.getDuration("connect-timeout"),
                resolve(config.getString("demo-file")),
                new AllowedSources(
                        config.getStringList("sources.folders").stream().map(TaskSettings::resolve).toList(),
                        config.getStringList("sources.url-prefixes").stream().map(UrlPrefix::parse).toList()));
    }

    private static Path resolve(String path) {
        Path file = Path.of(path);
        if (file.isAbsolute()) {
            return file.normalize();
        }
        String home = System.getProperty(HOME_PROPERTY);
        return (home == null ? Path.of("") : Path.of(home)).resolve(file).toAbsolutePath().normalize();
    }
}
