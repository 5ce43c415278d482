package dev.workerhost.host.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The per-plugin work of a start (loading and registering, starting the workers) on a few threads at once: one after
 * another, 100 plugins took ~0.8 s to load and ~5.5 s to start their workers, mostly waiting. The results come back
 * in the order of the items, so what is decided from them (admission and ownership, which failure is reported) does
 * not depend on which finished first.
 */
final class InParallel {

    /** Two per core: the work waits on jar files and on Temporal about as much as it computes. */
    private static final int THREADS = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

    private InParallel() {
    }

    /**
     * {@code task} applied to every item, on daemon threads named {@code threadName-N} (in the caller's thread when
     * there is only one item).
     *
     * @throws InterruptedException if interrupted while waiting; the tasks still running are interrupted
     */
    static <T, R> List<R> map(String threadName, List<T> items, Function<T, R> task) throws InterruptedException {
        if (items.size() < 2) {
            return items.stream().map(task).toList();
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), THREADS), runnable -> {
            Thread thread = new Thread(runnable, threadName + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = items.stream().map(item -> pool.submit(() -> task.apply(item))).toList();
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                results.add(resultOf(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R resultOf(Future<R> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
