package dev.workerhost.host.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop. Handling the signals (rather than relying on a shutdown hook) lets the
 * command drain and then exit with 0; a JVM ended by the signal exits with 143. A signal during start-up interrupts
 * the starting thread, e.g. while it waits for Temporal.
 */
@SuppressWarnings("sunapi")
final class ShutdownSignals {

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final Thread starter;
    private volatile boolean starting = true;

    private ShutdownSignals(Thread starter) {
        this.starter = starter;
    }

    static ShutdownSignals install() {
        ShutdownSignals signals = new ShutdownSignals(Thread.currentThread());
        Signal.handle(new Signal("TERM"), signal -> signals.requestStop());
        Signal.handle(new Signal("INT"), signal -> signals.requestStop());
        return signals;
    }

    private void requestStop() {
        stopRequested.countDown();
        if (starting) {
            starter.interrupt();
        }
    }

    /** Start-up is over; from now on a signal only ends {@link #await()}. */
    void started() {
        starting = false;
    }

    void await() throws InterruptedException {
        stopRequested.await();
    }
}
