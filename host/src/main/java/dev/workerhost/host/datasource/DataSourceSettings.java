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

    /** H2 in file mode, with AUTO_SERVER so the CLI and a second host on this machine can open it too. */
    static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve("data").resolve("worker-host").toAbsolutePath()
                + ";AUTO_SERVER=TRUE";
    }
}
