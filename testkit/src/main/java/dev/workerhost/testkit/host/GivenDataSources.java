package dev.workerhost.testkit.host;

import dev.workerhost.host.datasource.DataSourceProvider;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The datasources a test hands the plugin by name; the test opened them and closes them. */
final class GivenDataSources implements DataSourceProvider {

    private final Map<String, DataSource> dataSources;

    GivenDataSources(Map<String, DataSource> dataSources) {
        this.dataSources = Map.copyOf(dataSources);
    }

    @Override
    public DataSource dataSource(String name) {
        DataSource dataSource = dataSources.get(name);
        if (dataSource == null) {
            throw new IllegalArgumentException("no datasource named '" + name + "'; the test configured "
                    + new TreeSet<>(dataSources.keySet()) + " (PluginTestEnvironment.Builder.dataSource)");
        }
        return dataSource;
    }

    @Override
    public void close() {
        // the test's own: it closes them
    }
}
