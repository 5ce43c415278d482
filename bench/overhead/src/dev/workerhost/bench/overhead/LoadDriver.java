package dev.workerhost.bench.overhead;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts N EchoWorkflow executions on a task queue (8 starting threads), waits for every result, checks it, and
 * prints the seconds from the first start to the last result, then the 50th and 99th percentile of the workflows'
 * latencies (from just before a start to its result) in milliseconds. Usage: LoadDriver HOST:PORT TASK_QUEUE N
 * TIMEOUT_SECONDS.
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
        List<Future<CompletableFuture<Long>>> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = "bench-echo-" + run + "-" + i;
            started.add(starters.submit(() -> {
                WorkflowStub stub = client.newUntypedWorkflowStub("EchoWorkflow", WorkflowOptions.newBuilder()
                        .setTaskQueue(queue).setWorkflowId(id).setWorkflowExecutionTimeout(Duration.ofMinutes(10))
                        .build());
                long began = System.nanoTime();
                stub.start(id);
                return stub.getResultAsync(String.class).thenApply(result -> {
                    if (!result.equals(id)) {
                        throw new IllegalStateException("workflow " + id + " returned " + result);
                    }
                    return System.nanoTime() - began;
                });
            }));
        }
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            latencies[i] = started.get(i).get().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%.3f %.1f %.1f%n", seconds, percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
        starters.shutdown();
        System.exit(0);
    }

    /** The nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
