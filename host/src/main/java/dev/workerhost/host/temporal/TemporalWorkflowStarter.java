package dev.workerhost.host.temporal;

import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.WorkflowInputs;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.WorkflowStarter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;

/**
 * Starts workflows by type name through untyped stubs: the registry gives the task queue and the type's defaults,
 * so callers need none of the plugin's classes. A finished workflow's id may be reused; a running one's may not
 * ({@link io.temporal.client.WorkflowExecutionAlreadyStarted} reaches the caller).
 */
public final class TemporalWorkflowStarter implements WorkflowStarter {

    private final WorkflowClient client;
    private final PluginRegistry registry;

    public TemporalWorkflowStarter(WorkflowClient client, PluginRegistry registry) {
        this.client = client;
        this.registry = registry;
    }

    @Override
    public StartedWorkflow start(String workflowType, Object input, StartOptions options) {
        WorkflowRegistration workflow = registry.workflow(workflowType).orElseThrow(() ->
                new IllegalArgumentException("unknown workflow type " + workflowType
                        + "; known types: " + registry.workflowTypes()));
        WorkflowInputs.validate(workflow, input);
        WorkflowOptions workflowOptions =
                workflow.defaults().toWorkflowOptions(workflowType, workflow.taskQueue(), input, options);
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowType, workflowOptions);
        if (input == null) {
            stub.start();
        } else {
            stub.start(input);
        }
        return new StartedWorkflow(stub);
    }
}
