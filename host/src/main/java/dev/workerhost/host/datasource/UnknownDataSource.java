package dev.workerhost.host.datasource;

import com.typesafe.config.Config;

/** The error for a datasource name nobody configured. */
final class UnknownDataSource {

    private UnknownDataSource() {
    }

    static IllegalArgumentException named(String name, Config config) {
        return new IllegalArgumentException("no datasource named '" + name + "' is configured (configured: "
                + DataSourceSettings.configuredNames(config) + "); add datasources." + name + ".url");
    }
}
