package dev.workerhost.host.temporal;

import com.uber.m3.tally.Scope;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The connection to Temporal, set up on a thread of its own while the caller does what does not need it: the
 * gRPC client's set-up (the Temporal API's protobuf descriptors, a health check, {@code GetSystemInfo}) is a good
 * part of a start, and so is loading the plugins, and neither needs the other. What it ends in, a client or the
 * failure, is taken by {@link #await}; it owns what it made until {@link #close}.
 */
public final class TemporalInBackground implements AutoCloseable {

    private final FutureTask<WorkflowClient> connecting;
    private final Thread thread;
    private volatile EmbeddedTemporalServer embeddedServer;
    private volatile WorkflowClient client;

    private TemporalInBackground(Connect connect) {
        this.connecting = new FutureTask<>(() -> connect.call(this));
        this.thread = new Thread(connecting, "temporal-connect");
        thread.setDaemon(true);
        thread.start();
    }

    private interface Connect {
        WorkflowClient call(TemporalInBackground background) throws InterruptedException;
    }

    /** The host's connection: the embedded server first if so configured, then waiting for Temporal to answer. */
    public static TemporalInBackground forHost(TemporalSettings settings, Scope metricsScope) {
        return new TemporalInBackground(background -> {
            if (settings.isEmbedded()) {
                background.embeddedServer = EmbeddedTemporalServer.start(settings.embeddedBind(),
                        settings.embeddedPort());
            }
            return background.made(new TemporalConnector(settings, metricsScope).connectPatiently());
        });
    }

    /** A command's connection: one attempt, an unreachable frontend is an error (TemporalConnector.connectOnce). */
    public static TemporalInBackground once(TemporalSettings settings) {
        return new TemporalInBackground(background -> background.made(new TemporalConnector(settings).connectOnce()));
    }

    private WorkflowClient made(WorkflowClient madeClient) {
        client = madeClient;
        return madeClient;
    }

    /**
     * The client, once Temporal answers.
     *
     * @throws RuntimeException what connecting failed with (a {@code PermanentStartException} for what waiting
     *     cannot fix)
     * @throws InterruptedException if this thread is interrupted (the host stopped) while waiting
     */
    public WorkflowClient await() throws InterruptedException {
        try {
            return connecting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        }
    }

    /** Stops connecting (an interrupt ends the wait), then closes the client and the embedded server it made. */
    @Override
    public void close() {
        connecting.cancel(true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (client != null) {
            client.getWorkflowServiceStubs().shutdown();
        }
        if (embeddedServer != null) {
            embeddedServer.close();
        }
    }
}
