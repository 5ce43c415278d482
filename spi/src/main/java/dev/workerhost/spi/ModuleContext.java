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

    /**
     * A view of the host's meter registry that adds the tag {@code plugin=<name>} to every meter registered through
     * it. The host exports these meters with its own and the Temporal SDK's at {@code GET /metrics} of its admin API
     * (Prometheus text: a counter {@code task.import.rows} appears as {@code task_import_rows_total}); during offline
     * checks nothing is exported.
     */
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
