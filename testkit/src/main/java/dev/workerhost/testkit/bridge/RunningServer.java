package dev.workerhost.testkit.bridge;

/** A Temporal test server bound to a port of 127.0.0.1, running in real time. */
public interface RunningServer extends AutoCloseable {

    /** Stops the server; its workflows are gone. */
    @Override
    void close();
}
