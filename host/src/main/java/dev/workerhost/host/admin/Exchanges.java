package dev.workerhost.host.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import dev.workerhost.spi.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading requests and writing JSON answers, the same way for every endpoint. */
final class Exchanges {

    /** The largest request body read; a workflow input is a few fields, not a file. */
    static final int BODY_LIMIT = 1024 * 1024;

    private static final String JSON = "application/json; charset=utf-8";

    private Exchanges() {
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, JSON, toJson(body));
    }

    static void sendError(HttpExchange exchange, int status, String error, String hint) throws IOException {
        sendJson(exchange, status, new ErrorBody(error, hint));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    /**
     * True if the request's method is one of {@code allowed} (HEAD counts as GET); otherwise answers 405 naming
     * the allowed ones.
     */
    static boolean methodIs(HttpExchange exchange, String... allowed) throws IOException {
        String method = exchange.getRequestMethod();
        for (String each : allowed) {
            if (each.equals(method) || (each.equals("GET") && method.equals("HEAD"))) {
                return true;
            }
        }
        exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
        sendError(exchange, 405, "method " + method + " is not allowed on " + exchange.getRequestURI().getPath(),
                "use " + String.join(" or ", allowed));
        return false;
    }

    /** The body as UTF-8 text, or empty (after answering 413) when it is larger than {@link #BODY_LIMIT}. */
    static Optional<String> readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(BODY_LIMIT + 1);
            if (body.length > BODY_LIMIT) {
                sendError(exchange, 413, "the request body is larger than " + BODY_LIMIT + " bytes",
                        "send the workflow input as a JSON object of at most 1 MiB; pass large data by reference");
                return Optional.empty();
            }
            return Optional.of(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The value of query parameter {@code name}, decoded. */
    static Optional<String> queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static byte[] toJson(Object body) {
        try {
            return Json.writer().withDefaultPrettyPrinter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
