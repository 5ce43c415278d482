package dev.workerhost.plugins.task;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on a free loopback port that serves files, redirects, and files whose first download breaks off
 * (the whole length announced, only the first {@code cutAt} bytes sent, the connection dropped, as a server that
 * dies mid-download would; later downloads get the whole file). It records every path asked for.
 */
final class FileServer implements AutoCloseable {

    private interface Route {
        void answer(HttpExchange exchange, int request) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private volatile Runnable beforeEachRequest = () -> { };

    FileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            beforeEachRequest.run();
            requested.add(path);
            int request = (int) requested.stream().filter(path::equals).count();
            Route route = routes.get(path);
            if (route == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                route.answer(exchange, request);
            }
            exchange.close();
        });
        server.start();
    }

    FileServer file(String path, String content) {
        return cutFirstDownload(path, content.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    FileServer cutFirstDownload(String path, byte[] content, int cutAt) {
        routes.put(path, (exchange, request) -> {
            exchange.sendResponseHeaders(200, content.length);
            OutputStream body = exchange.getResponseBody();
            body.write(content, 0, request == 1 ? Math.min(cutAt, content.length) : content.length);
            body.flush();
            // Closing with bytes still owed makes the server drop the connection.
        });
        return this;
    }

    FileServer redirect(String path, String location) {
        routes.put(path, (exchange, request) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return this;
    }

    /** Runs {@code action} as each request arrives, e.g. to see what the import had committed by then. */
    FileServer beforeEachRequest(Runnable action) {
        this.beforeEachRequest = action;
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The paths asked for, in order. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
