package dev.workerhost.plugins.task;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The plugin's configuration ({@code plugins.task} in the host's config, defaults in {@code reference.conf}).
 *
 * @param demoFile the sample file of the demo task, already resolved to an absolute path
 */
record TaskSettings(String datasource, int chunkSize, Duration connectTimeout, Path demoFile) {

    /** The system property that names the distribution's folder; relative demo files are resolved against it. */
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
                resolve(Path.of(config.getString("demo-file"))));
    }

    private static Path resolve(Path file) {
        if (file.isAbsolute()) {
            return file;
        }
        String home = System.getProperty(HOME_PROPERTY);
        return (home == null ? Path.of("") : Path.of(home)).resolve(file).toAbsolutePath().normalize();
    }
}
