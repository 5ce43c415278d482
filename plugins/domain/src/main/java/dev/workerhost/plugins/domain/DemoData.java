package dev.workerhost.plugins.domain;

import com.typesafe.config.Config;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The demo tenant that the embedded defaults come with, and the switch that decides whether a plugin seeds it:
 * {@code demo-data = auto} (the default) seeds only the embedded H2 database, never a real PostgreSQL one.
 */
public final class DemoData {

    /** The demo rows' tenant and environment, used by the shipped {@code examples/*.json}. */
    public static final Scope SCOPE = new Scope("tenant_demo", "env_demo");

    private DemoData() {
    }

    /** Whether to seed, from the plugin's {@code demo-data} key: {@code true}, {@code false} or {@code auto}. */
    public static boolean enabled(Config pluginConfig, DataSource dataSource) {
        String setting = pluginConfig.hasPath("demo-data") ? pluginConfig.getString("demo-data") : "auto";
        switch (setting) {
            case "true":
                return true;
            case "false":
                return false;
            case "auto":
                return isH2(dataSource);
            default:
                throw new IllegalArgumentException(
                        "demo-data must be true, false or auto, not \"" + setting + "\"");
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
