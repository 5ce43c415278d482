package dev.workerhost.host.runtime;

import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.WorkflowStarter;

/**
 * The starter handed to plugins at registration, before the host has a Temporal connection; it starts workflows once
 * the host is connected, and refuses clearly before that (and always during offline checks).
 */
final class LateWorkflowStarter implements WorkflowStarter {

    private volatile WorkflowStarter connected;

    void connect(WorkflowStarter starter) {
        this.connected = starter;
    }

    @Override
    public StartedWorkflow start(String workflowType, Object input, StartOptions options) {
        WorkflowStarter starter = connected;
        if (starter == null) {
            throw new IllegalStateException("cannot start " + workflowType
                    + ": the host is not connected to Temporal (offline check, or called during register)");
        }
        return starter.start(workflowType, input, options);
    }
}
