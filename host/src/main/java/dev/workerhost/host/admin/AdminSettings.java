package dev.workerhost.host.admin;

import com.typesafe.config.Config;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The {@code host.admin.*} settings: where the admin HTTP API listens and the bearer token it asks for. Port 0 turns
 * the API off. Binding beyond loopback without a token is refused: anyone who reaches the port could start workflows.
 */
public record AdminSettings(String bind, int port, Optional<String> token) {

    /**
     * @throws IllegalArgumentException naming the key and what to do, for a port out of range, an unknown bind
     *     address, or a non-loopback bind without a token
     */
    public static AdminSettings from(Config config) {
        Config admin = config.getConfig("host.admin");
        String bind = admin.getString("bind").trim();
        int port = admin.getInt("port");
        String token = admin.getString("token").trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("config key host.admin.port: " + port
                    + " is not a port; use 1-65535, or 0 to turn the admin API off");
        }
        AdminSettings settings = new AdminSettings(bind, port, token.isEmpty() ? Optional.empty() : Optional.of(token));
        if (settings.enabled() && settings.token().isEmpty() && !isLoopback(bind)) {
            throw new IllegalArgumentException("refusing to bind the admin API to " + bind
                    + " without a token: set host.admin.token (env WORKER_HOST_ADMIN_TOKEN) or bind 127.0.0.1");
        }
        return settings;
    }

    public boolean enabled() {
        return port != 0;
    }

    private static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("config key host.admin.bind: unknown address " + bind
                    + "; use an IP address of this machine, e.g. 127.0.0.1 or 0.0.0.0 (with a token)", e);
        }
    }
}
