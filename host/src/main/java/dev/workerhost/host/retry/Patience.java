package dev.workerhost.host.retry;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * Waits for a server the host needs at start (Temporal, a database). Servers in a fleet come up in any order, so an
 * unreachable one is a reason to wait, not to fail: attempts start 1 s apart, doubling up to 30 s, each failure one
 * WARN line that says when the next attempt starts (an attempt that itself takes 5 s leaves less to wait). A
 * {@link PermanentStartException} ends the wait at once; so does an interrupt (the host being stopped).
 */
public final class Patience {

    private static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
    private static final Duration LONGEST_INTERVAL = Duration.ofSeconds(30);

    private Patience() {
    }

    /**
     * @param what names the server in the log, e.g. {@code "Temporal at 10.0.0.5:7233"}
     * @throws PermanentStartException as soon as an attempt throws one
     * @throws InterruptedException if the thread is interrupted while waiting for the next attempt
     */
    public static <T> T untilItAnswers(String what, Callable<T> attempt, Logger log) throws InterruptedException {
        Duration interval = FIRST_INTERVAL;
        for (int attempts = 1; ; attempts++) {
            long started = System.nanoTime();
            try {
                return attempt.call();
            } catch (InterruptedException | PermanentStartException e) {
                throw e;
            } catch (Exception e) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("stopped while connecting to " + what);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                Duration pause = interval.minus(took).isNegative() ? Duration.ZERO : interval.minus(took);
                log.warn("{} is not reachable (attempt {} failed after {}; next attempt {}): {}",
                        what, attempts, seconds(took), pause.isZero() ? "now" : "in " + seconds(pause),
                        RootCause.message(e));
                Thread.sleep(pause.toMillis());
            }
            interval = interval.multipliedBy(2).compareTo(LONGEST_INTERVAL) > 0
                    ? LONGEST_INTERVAL
                    : interval.multipliedBy(2);
        }
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
