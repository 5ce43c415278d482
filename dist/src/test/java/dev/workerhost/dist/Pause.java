package dev.workerhost.dist;

/** The pause between two looks at what a test waits for (a process's output, an HTTP answer). */
final class Pause {

    private Pause() {
    }

    /** Sleeps {@code millis}; an interrupt fails the test, keeping the thread's interrupt status. */
    static void of(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
