package dev.workerhost.bench.overhead;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts N EchoWorkflow executions on a task queue (8 starting threads), waits for every result and prints the
 * seconds from the first start to the last result. Usage: LoadDriver HOST:PORT TASK_QUEUE N TIMEOUT_SECONDS.
 */
public final class LoadDriver {

    private static final int STARTERS = 8;

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        WorkflowClient client = WorkflowClient.newInstance(WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(args[0]).build()));
        String queue = args[1];
        int count = Integer.parseInt(args[2]);
        long timeoutSeconds = Long.parseLong(args[3]);
        String run = UUID.randomUUID().toString();
        ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
        long start = System.nanoTime();
        List<Future<CompletableFuture<String>>> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "bench-echo-" + run + "-" + i;
            started.add(starters.submit(() -> {
                WorkflowStub stub = client.newUntypedWorkflowStub("EchoWorkflow", WorkflowOptions.newBuilder()
                        .setTaskQueue(queue).setWorkflowId(id).setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                        .build());
                stub.start(id);
                return stub.getResultAsync(String.class);
            }));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (int i = 0; i < count; i++) {
            String result = started.get(i).get().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!result.startsWith("bench-echo-")) {
                throw new IllegalStateException("workflow " + i + " returned " + result);
            }
        }
        System.out.printf("%.3f%n", (System.nanoTime() - start) / 1e9);
        starters.shutdown();
        System.exit(0);
    }
}
