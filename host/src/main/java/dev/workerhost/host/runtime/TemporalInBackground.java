package dev.workerhost.host.runtime;

import com.uber.m3.tally.Scope;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.temporal.TemporalSettings;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.FutureTask;

/**
 * The connection to Temporal (the embedded server first, if so configured), set up on a thread of its own while the
 * plugins load: neither needs the other, and each takes a good part of a start (the gRPC client's set-up about as
 * long as loading 100 plugins). It waits for Temporal as {@link TemporalConnector#connectPatiently} does; what it
 * ends in, a client or the failure, is taken by {@link #await}. It owns what it made until {@link #close}.
 */
final class TemporalInBackground implements AutoCloseable {

    private final TemporalSettings settings;
    private final Scope metricsScope;
    private final FutureTask<WorkflowClient> connecting = new FutureTask<>(this::connect);
    private final Thread thread = new Thread(connecting, "temporal-connect");
    private volatile EmbeddedTemporalServer embeddedServer;
    private volatile WorkflowClient client;

    private TemporalInBackground(TemporalSettings settings, Scope metricsScope) {
        this.settings = settings;
        this.metricsScope = metricsScope;
    }

    static TemporalInBackground start(TemporalSettings settings, Scope metricsScope) {
        TemporalInBackground background = new TemporalInBackground(settings, metricsScope);
        background.thread.setDaemon(true);
        background.thread.start();
        return background;
    }

    private WorkflowClient connect() throws InterruptedException {
        if (settings.isEmbedded()) {
            embeddedServer = EmbeddedTemporalServer.start(settings.embeddedBind(), settings.embeddedPort());
        }
        client = new TemporalConnector(settings, metricsScope).connectPatiently();
        return client;
    }

    /**
     * The client, once Temporal answers.
     *
     * @throws RuntimeException what connecting failed with (a {@code PermanentFailure} for what waiting cannot fix)
     * @throws InterruptedException if this thread is interrupted (the host stopped) while waiting
     */
    WorkflowClient await() throws InterruptedException {
        return InParallel.resultOf(connecting);
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
