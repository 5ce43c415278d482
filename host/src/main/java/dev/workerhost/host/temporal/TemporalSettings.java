package dev.workerhost.host.temporal;

import com.typesafe.config.Config;
import java.util.Optional;

/** The {@code temporal.*} settings: where Temporal is and how to talk to it. */
public record TemporalSettings(
        String target, String embeddedBind, int embeddedPort, String namespace, Optional<String> apiKey, TlsSettings tls) {

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
                temporal.getString("embedded.bind").trim(),
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

    /** The {@code host:port} to dial: the embedded server's address (loopback if it binds all), or the target. */
    public String address() {
        if (!isEmbedded()) {
            return target;
        }
        boolean wildcard = embeddedBind.equals("0.0.0.0") || embeddedBind.equals("::");
        String host = wildcard ? "127.0.0.1" : embeddedBind.contains(":") ? "[" + embeddedBind + "]" : embeddedBind;
        return host + ":" + embeddedPort;
    }

    /** The same settings pointed at another {@code host:port} (the CLI's {@code --target}). */
    public TemporalSettings withTarget(String newTarget) {
        return new TemporalSettings(newTarget.trim(), embeddedBind, embeddedPort, namespace, apiKey, tls);
    }

    private static Optional<String> optional(Config config, String path) {
        if (!config.hasPath(path)) {
            return Optional.empty();
        }
        String value = config.getString(path).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
