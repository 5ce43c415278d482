package dev.workerhost.host.temporal;

import com.typesafe.config.Config;
import java.util.Optional;

/** The {@code temporal.*} settings: where Temporal is and how to talk to it. */
public record TemporalSettings(
        String target, int embeddedPort, String namespace, Optional<String> apiKey, TlsSettings tls) {

    public static final String EMBEDDED = "embedded";

    /** TLS towards the frontend; cert and key together make it mutual. Paths of PEM files. */
    public record TlsSettings(
            boolean enabled, Optional<String> cert, Optional<String> key, Optional<String> ca,
            Optional<String> serverName) {
    }

    public static TemporalSettings from(Config config) {
        Config temporal = config.getConfig("temporal");
        return new TemporalSettings(
                temporal.getString("target").trim(),
                temporal.getInt("embedded.port"),
                temporal.getString("namespace"),
                optional(temporal, "api-key"),
                new TlsSettings(
                        temporal.getBoolean("tls.enabled"),
                        optional(temporal, "tls.cert"),
                        optional(temporal, "tls.key"),
                        optional(temporal, "tls.ca"),
                        optional(temporal, "tls.server-name")));
    }

    public boolean isEmbedded() {
        return target.equals(EMBEDDED);
    }

    /** The {@code host:port} to dial: the embedded server's loopback address, or the configured target. */
    public String address() {
        return isEmbedded() ? "127.0.0.1:" + embeddedPort : target;
    }

    /** The same settings pointed at another {@code host:port} (the CLI's {@code --target}). */
    public TemporalSettings withTarget(String newTarget) {
        return new TemporalSettings(newTarget.trim(), embeddedPort, namespace, apiKey, tls);
    }

    private static Optional<String> optional(Config config, String path) {
        if (!config.hasPath(path)) {
            return Optional.empty();
        }
        String value = config.getString(path).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
