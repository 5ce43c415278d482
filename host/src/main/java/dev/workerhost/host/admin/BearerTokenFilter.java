package dev.workerhost.host.admin;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Lets a request through only with {@code Authorization: Bearer <host.admin.token>}. The header and the expected value
 * are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken tells neither the token's
 * characters nor its length.
 */
final class BearerTokenFilter extends Filter {

    private final byte[] expected;

    BearerTokenFilter(String token) {
        this.expected = sha256("Bearer " + token);
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && MessageDigest.isEqual(sha256(header), expected)) {
            chain.doFilter(exchange);
            return;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"worker-host\"");
        Exchanges.sendError(exchange, 401,
                header == null ? "this path needs a bearer token" : "the bearer token is wrong",
                "send the header Authorization: Bearer <host.admin.token>");
    }

    @Override
    public String description() {
        return "bearer token";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
