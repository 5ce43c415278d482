package dev.workerhost.host.runtime;

import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.WorkflowStarter;
import io.temporal.client.WorkflowClient;

/**
 * The host's Temporal connection as plugins see it from registration on, before the host has one: it starts
 * workflows and hands out the client once the host is connected, and refuses clearly before that (and always during
 * offline checks). {@link PluginLifecycle} connects it.
 */
final class LateTemporal implements WorkflowStarter {

    private volatile WorkflowClient client;
    private volatile WorkflowStarter starter;

    void connect(WorkflowClient client, WorkflowStarter starter) {
        this.client = client;
        this.starter = starter;
    }

    @Override
    public StartedWorkflow start(String workflowType, Object input, StartOptions options) {
        return connected("start " + workflowType, starter).start(workflowType, input, options);
    }

    WorkflowClient client() {
        return connected("use the Temporal client", client);
    }

    private static <T> T connected(String action, T connection) {
        if (connection == null) {
            throw new IllegalStateException("cannot " + action
                    + ": the host is not connected to Temporal (offline check, or called during register)");
        }
        return connection;
    }
}
