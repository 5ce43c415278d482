package dev.workerhost.host.temporal;

import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.WorkflowInputs;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.WorkflowStarter;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.UUID;

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
        String taskQueue = options.taskQueue().orElse(workflow.taskQueue());
        String workflowId = options.workflowId()
                .or(() -> workflow.defaults().workflowIdFor(input))
                .orElseGet(() -> workflowType + "-" + UUID.randomUUID());
        WorkflowOptions.Builder workflowOptions = WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(workflowId)
                .setWorkflowExecutionTimeout(workflow.defaults().executionTimeout())
                .setRetryOptions(workflow.defaults().retryOptions())
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE);
        options.cronSchedule().ifPresent(workflowOptions::setCronSchedule);
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowType, workflowOptions.build());
        WorkflowExecution execution = input == null ? stub.start() : stub.start(input);
        return new StartedWorkflow(execution.getWorkflowId(), execution.getRunId(), taskQueue);
    }
}
