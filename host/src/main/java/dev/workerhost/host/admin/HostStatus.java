package dev.workerhost.host.admin;

import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginRegistry;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the admin API reads from the host while it runs. It is asked from the first moment on, before the host has
 * reached Temporal or a database, so everything that comes later is optional.
 */
public interface HostStatus {

    /** The plugins, live: their states change as the host starts them. */
    PluginRegistry registry();

    /** {@code host:port} of the Temporal frontend, for the messages. */
    String temporalAddress();

    /** The connection to Temporal, once made. */
    Optional<WorkflowClient> temporal();

    /** The datasources the plugins asked for, by name. */
    Map<String, DataSource> dataSources();

    /** True while the workers poll: false before they start and from the moment they drain. */
    boolean workersPolling();

    /** What happened to each plugin since the host started, oldest first, by plugin name. */
    Map<String, List<PluginEvent>> pluginHistory();

    /**
     * Rescans the plugins folder now and acts on every change: adds, removes and upgrades plugins.
     *
     * @return what changed; empty while the host is still starting
     */
    Optional<List<PluginEvent>> reloadPlugins();

    /** True while this host's workers poll {@code taskQueue}: its plugin runs and the host is neither starting nor stopping. */
    boolean polling(String taskQueue);
}
