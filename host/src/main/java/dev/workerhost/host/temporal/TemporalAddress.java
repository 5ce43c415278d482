package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.PermanentStartException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A Temporal frontend's {@code host:port}, checked before dialling: a malformed target or an unknown host is a
 * mistake in the configuration that waiting will not fix, and gRPC would only report it after seconds of retrying.
 */
record TemporalAddress(String host, int port) {

    private static final int HIGHEST_PORT = 65_535;

    /**
     * @throws PermanentStartException naming the target and what is wrong with it
     */
    static TemporalAddress parse(String target) {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw invalid(target, "it is not HOST:PORT");
        }
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String port = target.substring(colon + 1);
        if (!port.chars().allMatch(Character::isDigit) || port.length() > 5
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > HIGHEST_PORT) {
            throw invalid(target, "the port \"" + port + "\" is not a number from 1 to " + HIGHEST_PORT);
        }
        return new TemporalAddress(host, Integer.parseInt(port));
    }

    /**
     * @throws PermanentStartException if the host name does not resolve
     */
    void resolve() {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new PermanentStartException("temporal.target " + this + ": unknown host " + host
                    + " (check the name; TEMPORAL_ADDRESS or --target may set it too)", e);
        }
    }

    private static PermanentStartException invalid(String target, String problem) {
        return new PermanentStartException("temporal.target \"" + target + "\" is invalid: " + problem
                + " (e.g. temporal.example.com:7233, or \"embedded\")");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
