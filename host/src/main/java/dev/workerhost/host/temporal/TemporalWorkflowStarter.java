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
        requireItsTaskQueue(workflow, options);
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

    /**
     * A workflow started on another queue than its type's waits for a worker that does not know it (a workflow task
     * failure every 10 s), and its id stays taken until the execution times out.
     *
     * @throws IllegalArgumentException if {@code options} names a task queue that is not the type's
     */
    public static void requireItsTaskQueue(WorkflowRegistration workflow, StartOptions options) {
        options.taskQueue().filter(queue -> !queue.equals(workflow.taskQueue())).ifPresent(queue -> {
            throw new IllegalArgumentException("workflow type " + workflow.workflowType() + " runs on task queue "
                    + workflow.taskQueue() + ", not " + queue + ": no worker there knows it (leave --task-queue out)");
        });
    }
}
