package dev.workerhost.host.runtime;

import com.typesafe.config.Config;
import dev.workerhost.host.datasource.DataSourceProvider;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import javax.sql.DataSource;

/** What one plugin gets from the host; the meter registry it sees tags every meter with the plugin's name. */
record HostModuleContext(
        String pluginName,
        Config config,
        DataSourceProvider dataSources,
        MeterRegistry meterRegistry,
        LateTemporal temporal) implements ModuleContext {

    @Override
    public DataSource dataSource(String name) {
        return dataSources.dataSource(name);
    }

    @Override
    public WorkflowStarter workflows() {
        return temporal;
    }

    @Override
    public WorkflowClient workflowClient() {
        return temporal.client();
    }
}
