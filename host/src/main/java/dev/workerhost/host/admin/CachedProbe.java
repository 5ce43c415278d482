package dev.workerhost.host.admin;

import dev.workerhost.host.retry.RootCause;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a server whether it answers, with a deadline, and remembers the outcome for a moment: a burst of
 * {@code /ready} calls costs one call to the server, and a server that hangs costs the caller at most the deadline
 * (the call goes on in the background and its outcome is used once it arrives).
 */
final class CachedProbe {

    /** A check that returns normally when the server answers and throws why not otherwise. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    static final Duration DEADLINE = Duration.ofSeconds(2);
    static final Duration REMEMBERED = Duration.ofSeconds(1);

    private final Check check;
    private final ExecutorService executor;
    private Future<Optional<String>> inFlight;
    private Optional<String> lastProblem;
    private long lastCheckedNanos;

    CachedProbe(Check check, ExecutorService executor) {
        this.check = check;
        this.executor = executor;
    }

    /** Empty when the server answered, else why it did not. */
    synchronized Optional<String> problem() {
        if (lastProblem != null && System.nanoTime() - lastCheckedNanos < REMEMBERED.toNanos()) {
            return lastProblem;
        }
        if (inFlight == null) {
            inFlight = executor.submit(this::runCheck);
        }
        try {
            lastProblem = inFlight.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            inFlight = null;
        } catch (TimeoutException e) {
            lastProblem = Optional.of("no answer within " + DEADLINE.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking");
        } catch (ExecutionException e) {
            inFlight = null;
            lastProblem = Optional.of(RootCause.message(e));
        }
        lastCheckedNanos = System.nanoTime();
        return lastProblem;
    }

    private Optional<String> runCheck() {
        try {
            check.run();
            return Optional.empty();
        } catch (Exception e) {
            return Optional.of(RootCause.message(e));
        }
    }
}
