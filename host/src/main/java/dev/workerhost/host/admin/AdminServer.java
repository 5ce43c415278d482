package dev.workerhost.host.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.workerhost.host.metrics.HostMetrics;
import dev.workerhost.host.registry.PluginEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API on the JDK's HTTP server: {@code /health}, {@code /ready}, {@code /plugins}, {@code /metrics},
 * {@code /workflows/...}, {@code /counters} and the status page {@code /}. It starts before the host reaches
 * Temporal, so health and readiness answer while the host waits. With a token, every path but {@code /health} and
 * the page (which holds no data and asks for the token itself) needs it.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final int HANDLER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutorService probes;

    private AdminServer(HttpServer server, ExecutorService handlers, ExecutorService probes) {
        this.server = server;
        this.handlers = handlers;
        this.probes = probes;
    }

    /**
     * Starts listening on {@code settings}' address.
     *
     * @throws IllegalStateException naming the address and what to do if it cannot listen there
     */
    public static AdminServer start(AdminSettings settings, HostStatus status, HostMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bind(), settings.port()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + settings.bind() + ":" + settings.port()
                    + " for the admin API: " + e.getMessage()
                    + " (set host.admin.port to a free port, or 0 to turn the admin API off)", e);
        }
        ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemonThreads("worker-host-admin"));
        ExecutorService probes = Executors.newCachedThreadPool(daemonThreads("worker-host-probe"));
        Readiness readiness = new Readiness(status, probes);
        HostGauges gauges = new HostGauges(metrics.registry());
        Filter token = settings.token().map(BearerTokenFilter::new).orElse(null);

        Map<String, HttpHandler> open = Map.of(
                "/health", exact("/health", exchange -> Exchanges.sendJson(exchange, 200, Map.of("status", "up"))),
                "/", exact("/", StatusPage::serve));
        Map<String, HttpHandler> guarded = Map.of(
                "/ready", exact("/ready", exchange -> {
                    ReadinessReport report = readiness.check();
                    Exchanges.sendJson(exchange, report.ready() ? 200 : 503, report);
                }),
                "/plugins", exact("/plugins", exchange -> Exchanges.sendJson(exchange, 200,
                        PluginsDocument.of(status))),
                "/plugins/reload", exchange -> reload(exchange, status),
                "/metrics", exact("/metrics", exchange -> {
                    gauges.refresh(status);
                    Exchanges.send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape().getBytes(StandardCharsets.UTF_8));
                }),
                "/counters", exact("/counters", exchange -> Exchanges.sendJson(exchange, 200,
                        StatusCounters.read(status, metrics.registry()))),
                WorkflowsHandler.PATH, new WorkflowsHandler(status));
        open.forEach((path, handler) -> server.createContext(path, safely(handler)));
        guarded.forEach((path, handler) -> {
            HttpContext context = server.createContext(path, safely(handler));
            if (token != null) {
                context.getFilters().add(token);
            }
        });
        server.setExecutor(handlers);
        server.start();
        LOG.info("admin API listening on http://{}:{}{}", settings.bind(), server.getAddress().getPort(),
                token == null ? "" : " (bearer token required)");
        return new AdminServer(server, handlers, probes);
    }

    /** The port listened on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        probes.shutdownNow();
    }

    /** {@code POST /plugins/reload}: rescans the plugins folder now and answers what changed. */
    private static void reload(HttpExchange exchange, HostStatus status) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/plugins/reload") || !Exchanges.methodIs(exchange, "POST")) {
            if (exchange.getResponseCode() == -1) {
                Exchanges.sendError(exchange, 404, "no such path: " + exchange.getRequestURI().getPath(),
                        "POST /plugins/reload rescans the plugins folder");
            }
            return;
        }
        Optional<List<PluginEvent>> changes = status.reloadPlugins();
        if (changes.isEmpty()) {
            Exchanges.sendError(exchange, 503, "the host is still starting",
                    "the plugins folder is read at start; reload once /ready answers 200");
            return;
        }
        Exchanges.sendJson(exchange, 200, Map.of("changes", changes.get()));
    }

    /** A GET-only handler for exactly {@code path}: the JDK server hands a context every path it prefixes. */
    private static HttpHandler exact(String path, HttpHandler handler) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                Exchanges.sendError(exchange, 404, "no such path: " + exchange.getRequestURI().getPath(),
                        "the admin API serves /health, /ready, /plugins, POST /plugins/reload, /metrics, /counters, "
                                + "/workflows/... and /");
            } else if (Exchanges.methodIs(exchange, "GET")) {
                handler.handle(exchange);
            }
        };
    }

    /** Answers 500 with the message rather than dropping the connection (what the JDK server does on a throw). */
    private static HttpHandler safely(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                LOG.debug("admin API: the client went away", e);
            } catch (RuntimeException e) {
                LOG.warn("admin API: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e.toString());
                LOG.debug("admin API failure", e);
                if (exchange.getResponseCode() == -1) {
                    Exchanges.sendError(exchange, 500, "internal error: " + e.getMessage(),
                            "the host's log has the details");
                }
            } finally {
                exchange.close();
            }
        };
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The status page: one self-contained HTML file. */
    private static final class StatusPage {

        private static final byte[] HTML = load();

        static void serve(HttpExchange exchange) throws IOException {
            Exchanges.send(exchange, 200, "text/html; charset=utf-8", HTML);
        }

        private static byte[] load() {
            try (InputStream in = AdminServer.class.getResourceAsStream("status.html")) {
                if (in == null) {
                    throw new IllegalStateException("status.html is missing from the host jar");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
