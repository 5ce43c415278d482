package dev.workerhost.testkit;

import dev.workerhost.testkit.bridge.RunningServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A Temporal test server on a free port of 127.0.0.1, in real time, for tests about servers: several environments
 * (hosts) on one server ({@code PluginTestEnvironment.builder().target(server.target())}), or a server that loses
 * its workflows ({@link #restart()}).
 */
public final class TestTemporalServer implements AutoCloseable {

    private final int port;
    private RunningServer server;

    private TestTemporalServer(int port) {
        this.port = port;
        this.server = HostSideLoader.hostSide().startServer(port);
    }

    public static TestTemporalServer start() {
        return new TestTemporalServer(freePort());
    }

    /** {@code 127.0.0.1:<port>}, for {@code PluginTestEnvironment.Builder.target}. */
    public String target() {
        return "127.0.0.1:" + port;
    }

    /** Stops the server and starts an empty one on the same port, as a Temporal server that lost its state. */
    public void restart() {
        server.close();
        server = HostSideLoader.hostSide().startServer(port);
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a Temporal test server", e);
        }
    }
}
