package dev.workerhost.plugins.task;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one file over HTTP on a free loopback port. The first request announces the whole length, sends only the
 * first {@code cutAt} bytes and drops the connection, as a server that dies mid-download would; later requests
 * get the whole file. {@code beforeEachRequest} runs first, e.g. to see what the import had committed by then.
 */
final class CuttingFileServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    CuttingFileServer(byte[] content, int cutAt, Runnable beforeEachRequest) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            beforeEachRequest.run();
            boolean first = requests.incrementAndGet() == 1;
            exchange.sendResponseHeaders(200, content.length);
            OutputStream body = exchange.getResponseBody();
            body.write(content, 0, first ? cutAt : content.length);
            body.flush();
            // Closing with bytes still owed makes the server drop the connection.
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
