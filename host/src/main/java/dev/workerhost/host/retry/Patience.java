package dev.workerhost.host.retry;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * Waits for a server the host needs at start (Temporal, a database): tries, and on failure logs one WARN line and
 * tries again after 1 s, doubling up to 30 s, until it answers. Servers in a fleet come up in any order, so an
 * unreachable one at start is a reason to wait, not to fail; an interrupt (the host being stopped) ends the wait.
 */
public final class Patience {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private Patience() {
    }

    /**
     * @param what names the server in the log, e.g. {@code "Temporal at 10.0.0.5:7233"}
     * @throws InterruptedException if the thread is interrupted while waiting for the next attempt
     */
    public static <T> T untilItAnswers(String what, Callable<T> attempt, Logger log) throws InterruptedException {
        Duration wait = FIRST_WAIT;
        for (int attempts = 1; ; attempts++) {
            try {
                return attempt.call();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                log.warn("{} is not reachable (attempt {}, next in {} s): {}",
                        what, attempts, wait.toSeconds(), rootMessage(e));
            }
            Thread.sleep(wait.toMillis());
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    /** The innermost cause's message: what actually went wrong ("Connection refused"), not its wrappers. */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
