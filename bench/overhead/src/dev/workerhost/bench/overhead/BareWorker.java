package dev.workerhost.bench.overhead;

import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;

/**
 * The baseline: the same workflow and activity on a plain SDK worker (default options), until stdin closes or the
 * process is stopped. Usage: BareWorker HOST:PORT TASK_QUEUE. Prints "bare worker ready" once polling.
 */
public final class BareWorker {

    private BareWorker() {
    }

    public static void main(String[] args) throws Exception {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build());
        WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
        Worker worker = factory.newWorker(args[1]);
        worker.registerWorkflowImplementationTypes(EchoWorkflowImpl.class);
        worker.registerActivitiesImplementations(new EchoActivitiesImpl());
        factory.start();
        System.out.println("bare worker ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
