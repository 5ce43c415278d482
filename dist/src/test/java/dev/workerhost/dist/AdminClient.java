package dev.workerhost.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/** Talks to a host's admin API from the test, as a load balancer, Prometheus or an application would. */
final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final Optional<String> token;

    AdminClient(int port, Optional<String> token) {
        this.port = port;
        this.token = token;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send("GET", path, null);
    }

    HttpResponse<String> post(String path, String body) {
        return send("POST", path, body);
    }

    /** Asks {@code path} until the answer satisfies {@code expected}; fails with the last answer after the timeout. */
    HttpResponse<String> await(String path, Predicate<HttpResponse<String>> expected, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = get(path);
                if (expected.test(response)) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IllegalStateException notListening) {
                last = notListening.getMessage();
            }
            Pause.of(200);
        }
        throw new AssertionError(what + " within " + timeout + "; last answer of " + path + ": " + last);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the admin API on port " + port + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s", response.uri(), response.body()).isEqualTo(status);
    }
}
