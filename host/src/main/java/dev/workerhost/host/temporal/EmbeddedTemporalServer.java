package dev.workerhost.host.temporal;

import io.temporal.testserver.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal SDK's test server on a local port, so the host runs with nothing else installed. It runs in real
 * time: with time skipping unlocked, timers would fire early (a 3 s {@code Workflow.sleep} ends in 0.7 s).
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporalServer.class);

    private final int port;
    private final TestServer.PortBoundTestServer server;

    private EmbeddedTemporalServer(int port, TestServer.PortBoundTestServer server) {
        this.port = port;
        this.server = server;
    }

    /** @throws IllegalStateException if the port is taken */
    public static EmbeddedTemporalServer start(int port) {
        try {
            TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
            LOG.info("embedded Temporal server listening on port {}", port);
            return new EmbeddedTemporalServer(port, server);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot start the embedded Temporal server on port " + port
                    + " (is another server using it? set temporal.embedded.port or temporal.target): "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.close();
        LOG.info("embedded Temporal server on port {} stopped", port);
    }
}
