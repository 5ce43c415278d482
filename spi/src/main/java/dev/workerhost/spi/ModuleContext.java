package dev.workerhost.spi;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import javax.sql.DataSource;

/** What the host hands a plugin: its configuration and the shared resources it may use. */
public interface ModuleContext {

    /** The plugin's name, as returned by {@link WorkflowModule#name()}. */
    String pluginName();

    /**
     * The plugin's configuration: the host's {@code plugins.<name>} subtree over the plugin's own
     * {@code reference.conf}, resolved.
     */
    Config config();

    /**
     * The pooled datasource configured under {@code datasources.<name>}.
     *
     * <p>During offline checks the returned datasource refuses connections, so hold on to it but connect only at
     * run time.
     *
     * @throws IllegalArgumentException if no datasource of that name is configured
     */
    DataSource dataSource(String name);

    /** The host's meter registry; meters registered here are exported with the host's and tagged by plugin. */
    MeterRegistry meterRegistry();

    /** Starts workflows of any plugin by type name; usable from {@link WorkflowModule#start} and activities. */
    WorkflowStarter workflows();

    /**
     * The host's Temporal client, for what {@link #workflows()} does not do: describe, signal or terminate an
     * execution, read its history. Connected from {@link WorkflowModule#start} on.
     *
     * @throws IllegalStateException when the host is not connected: during {@code register} and offline checks
     */
    WorkflowClient workflowClient();
}
