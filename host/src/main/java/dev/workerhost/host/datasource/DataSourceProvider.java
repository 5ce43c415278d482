package dev.workerhost.host.datasource;

import javax.sql.DataSource;

/** Hands out the datasources configured under {@code datasources.<name>}. */
public interface DataSourceProvider extends AutoCloseable {

    /** @throws IllegalArgumentException naming {@code name} and the configured names if none is configured */
    DataSource dataSource(String name);

    @Override
    void close();
}
