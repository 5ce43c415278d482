package dev.workerhost.host.datasource;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The {@code datasources.<name>} entries; an empty {@code url} of {@code default} means the embedded H2 file. */
public record DataSourceSettings(String name, String url, String user, String password, int poolSize) {

    /** Reads {@code datasources.<name>}, or nothing if it is not configured. */
    public static Optional<DataSourceSettings> read(Config config, String name, Path home) {
        String path = ConfigUtil.joinPath("datasources", name);
        if (!config.hasPath(path)) {
            return Optional.empty();
        }
        Config entry = config.getConfig(path);
        String url = entry.hasPath("url") ? entry.getString("url") : "";
        if (url.isBlank()) {
            if (!name.equals("default")) {
                throw new IllegalArgumentException("config key " + path + ".url is required");
            }
            url = embeddedUrl(home);
        }
        return Optional.of(new DataSourceSettings(name, url,
                entry.hasPath("user") ? entry.getString("user") : "",
                entry.hasPath("password") ? entry.getString("password") : "",
                entry.hasPath("pool-size") ? entry.getInt("pool-size") : 10));
    }

    /** The names under {@code datasources}, sorted, for messages. */
    public static List<String> configuredNames(Config config) {
        return config.hasPath("datasources")
                ? List.copyOf(new TreeSet<>(config.getObject("datasources").keySet()))
                : List.of();
    }

    /**
     * H2 in file mode, opened by this process only: no {@code AUTO_SERVER}, which would open a TCP listener on every
     * interface. An operator opens the file while the host is stopped (docs/design.md).
     */
    static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + embeddedFolder(home).resolve("worker-host");
    }

    /** The folder of the embedded database, {@code <home>/data}. */
    static Path embeddedFolder(Path home) {
        return home.resolve("data").toAbsolutePath();
    }

    /** A JDBC URL fit for the log: its parameters (which may hold a password) left out. */
    static String withoutParameters(String url) {
        int parameters = url.indexOf('?');
        int h2Settings = url.indexOf(';');
        int end = parameters < 0 ? h2Settings : h2Settings < 0 ? parameters : Math.min(parameters, h2Settings);
        return end < 0 ? url : url.substring(0, end);
    }
}
