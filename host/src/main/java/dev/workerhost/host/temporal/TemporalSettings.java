package dev.workerhost.host.temporal;

import static dev.workerhost.host.config.HostConfigLoader.isSetByOperator;

import com.typesafe.config.Config;
import dev.workerhost.host.retry.PermanentStartException;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import java.util.Map;
import java.util.Optional;

/**
 * Where Temporal is and how to talk to it. When the operator sets {@code temporal.target} (a config file,
 * {@code -D}, {@code --target}), it names the server and only the host's keys apply. Otherwise the SDK's
 * {@link StandardProfile} is the base, with the host's keys that are set on top; with no address there either, the
 * host runs the embedded server.
 *
 * <p>{@code temporal.tls.enabled} decides TLS when the operator sets it; left unset, the standard profile's rule
 * applies to a profile's server (TLS if the profile has a TLS section that is not disabled, or an API key) and TLS is
 * off otherwise.
 *
 * @param target {@code temporal.target} as the operator set it; empty: the standard profile's, else embedded
 * @param namespaceSetting {@code temporal.namespace} unless it is the built-in default
 * @param apiKey {@code temporal.api-key} ({@code TEMPORAL_API_KEY}) if not empty
 * @param standardProfile the standard profile, empty when the target is the operator's
 */
public record TemporalSettings(
        Optional<String> target, String embeddedBind, int embeddedPort, Optional<String> namespaceSetting,
        Optional<String> apiKey, TlsSettings tls, ClientConfigProfile standardProfile) {

    public static final String EMBEDDED = "embedded";
    private static final String DEFAULT_NAMESPACE = "default";

    /**
     * The {@code temporal.tls.*} keys; cert and key together make it mutual. Paths of PEM files.
     *
     * @param enabled only when the operator set it
     */
    public record TlsSettings(
            Optional<Boolean> enabled, Optional<String> cert, Optional<String> key, Optional<String> ca,
            Optional<String> serverName) {

        public TlsSettings {
            if (cert.isPresent() != key.isPresent()) {
                throw new PermanentStartException(
                        "config keys temporal.tls.cert and temporal.tls.key must be set together for mTLS");
            }
        }
    }

    /** @throws PermanentStartException if the standard profile the environment names cannot be read */
    public static TemporalSettings from(Config config) {
        return from(config, System.getenv());
    }

    static TemporalSettings from(Config config, Map<String, String> environment) {
        Optional<String> target = isSetByOperator(config, "temporal.target")
                ? Optional.of(config.getString("temporal.target").trim())
                : Optional.empty();
        return new TemporalSettings(
                target,
                config.getString("temporal.embedded.bind").trim(),
                config.getInt("temporal.embedded.port"),
                text(config, "temporal.namespace").filter(namespace -> !namespace.equals(DEFAULT_NAMESPACE)
                        || isSetByOperator(config, "temporal.namespace")),
                text(config, "temporal.api-key"),
                new TlsSettings(
                        isSetByOperator(config, "temporal.tls.enabled")
                                ? Optional.of(config.getBoolean("temporal.tls.enabled"))
                                : Optional.empty(),
                        text(config, "temporal.tls.cert"),
                        text(config, "temporal.tls.key"),
                        text(config, "temporal.tls.ca"),
                        text(config, "temporal.tls.server-name")),
                target.isPresent() ? ClientConfigProfile.getDefaultInstance() : StandardProfile.load(environment));
    }

    /** The same settings pointed at another {@code host:port} (the CLI's {@code --target}). */
    public TemporalSettings withTarget(String newTarget) {
        return new TemporalSettings(Optional.of(newTarget.trim()), embeddedBind, embeddedPort, namespaceSetting,
                apiKey, tls, ClientConfigProfile.getDefaultInstance());
    }

    public boolean isEmbedded() {
        return target.or(() -> Optional.ofNullable(standardProfile.getAddress()).filter(address -> !address.isBlank()))
                .map(EMBEDDED::equals)
                .orElse(true);
    }

    /** The {@code host:port} to dial: the embedded server's address (loopback if it binds all), or the server's. */
    public String address() {
        if (!isEmbedded()) {
            return target.orElseGet(standardProfile::getAddress);
        }
        boolean wildcard = embeddedBind.equals("0.0.0.0") || embeddedBind.equals("::");
        String host = wildcard ? "127.0.0.1" : embeddedBind.contains(":") ? "[" + embeddedBind + "]" : embeddedBind;
        return host + ":" + embeddedPort;
    }

    public String namespace() {
        return namespaceSetting
                .or(() -> Optional.ofNullable(standardProfile.getNamespace()).filter(name -> !name.isBlank()))
                .orElse(DEFAULT_NAMESPACE);
    }

    /** Whether the connection uses TLS: see the class comment. */
    public boolean tlsEnabled() {
        if (tls.enabled().isPresent() || isEmbedded() || target.isPresent()) {
            return tls.enabled().orElse(false);
        }
        ClientConfigTLS profileTls = standardProfile.getTls();
        if (profileTls != null) {
            return !Boolean.TRUE.equals(profileTls.isDisabled());
        }
        return connectionApiKey().isPresent();
    }

    /**
     * The connection as the SDK's profile type: the standard profile (its gRPC metadata, inline certificates) with
     * the host's keys on top, TLS decided by {@link #tlsEnabled()}.
     */
    ClientConfigProfile connection() {
        ClientConfigProfile.Builder connection = standardProfile.toBuilder()
                .setAddress(address())
                .setNamespace(namespace());
        apiKey.ifPresent(connection::setApiKey);
        ClientConfigTLS.Builder tlsOptions = standardProfile.getTls() == null
                ? ClientConfigTLS.newBuilder()
                : standardProfile.getTls().toBuilder();
        tls.cert().ifPresent(tlsOptions::setClientCertPath);
        tls.key().ifPresent(tlsOptions::setClientKeyPath);
        tls.ca().ifPresent(tlsOptions::setServerCACertPath);
        tls.serverName().ifPresent(tlsOptions::setServerName);
        return connection.setTls(tlsOptions.setDisabled(!tlsEnabled()).build()).build();
    }

    Optional<String> connectionApiKey() {
        return apiKey.or(() -> Optional.ofNullable(standardProfile.getApiKey()).filter(key -> !key.isBlank()));
    }

    private static Optional<String> text(Config config, String path) {
        if (!config.hasPath(path)) {
            return Optional.empty();
        }
        String value = config.getString(path).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
