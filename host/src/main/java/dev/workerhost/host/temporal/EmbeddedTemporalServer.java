package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.RootCause;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Temporal SDK's test server on a local address, so the host runs with nothing else installed.
 *
 * <p>Built like {@code TestServer.createPortBoundServer(port, true)}, except that it listens on one address
 * ({@code temporal.embedded.bind}, 127.0.0.1 by default) where the SDK's helper listens on every interface: anyone
 * who reaches the port can start, read and terminate workflows. It runs in real time (time skipping locked): with
 * time skipping, timers fire early (a 3 s {@code Workflow.sleep} ends in 0.7 s).
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTemporalServer.class);
    private static final boolean LOCK_TIME_SKIPPING = true;

    private final InetSocketAddress address;
    private final TestServicesStarter services;
    private final Server server;

    private EmbeddedTemporalServer(InetSocketAddress address, TestServicesStarter services, Server server) {
        this.address = address;
        this.services = services;
        this.server = server;
    }

    /**
     * Serves plaintext gRPC on {@code bind:port}.
     *
     * @throws IllegalArgumentException if {@code bind} is not an address of this machine
     * @throws IllegalStateException if the port is taken
     */
    public static EmbeddedTemporalServer start(String bind, int port) {
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot bind the embedded Temporal server to \"" + bind
                    + "\": unknown host (set temporal.embedded.bind or --bind to an address of this machine, e.g."
                    + " 127.0.0.1)");
        }
        return start(address, InsecureServerCredentials.create());
    }

    /**
     * Serves the test server's services on {@code address} with {@code credentials}; TLS credentials give a TLS
     * frontend, which is how the tests of {@code temporal.tls} get one.
     *
     * @throws IllegalStateException if the address cannot be bound
     */
    public static EmbeddedTemporalServer start(InetSocketAddress address, ServerCredentials credentials) {
        TestServicesStarter services = new TestServicesStarter(LOCK_TIME_SKIPPING, 0);
        try {
            NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials);
            GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
            builder.intercept(new ShutdownWorkerReleasesStickyQueue(services.getWorkflowService()));
            Server server = builder.build().start();
            // port 0 asks the system for a free one: from here on, the address is the one bound
            InetSocketAddress bound = new InetSocketAddress(address.getAddress(), server.getPort());
            LOG.info("embedded Temporal server listening on {}", hostAndPort(bound));
            return new EmbeddedTemporalServer(bound, services, server);
        } catch (IOException | RuntimeException e) {
            services.close();
            throw new IllegalStateException("cannot start the embedded Temporal server on " + hostAndPort(address)
                    + " (is another server using it? set temporal.embedded.port, temporal.embedded.bind or"
                    + " temporal.target): " + RootCause.message(e), e);
        }
    }

    public int port() {
        return address.getPort();
    }

    /** Stops serving; calls still open after a second (workers' long polls, up to a minute) are cancelled. */
    @Override
    public void close() {
        server.shutdown();
        try {
            server.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
        server.shutdownNow();
        LOG.info("embedded Temporal server on {} stopped", hostAndPort(address));
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
