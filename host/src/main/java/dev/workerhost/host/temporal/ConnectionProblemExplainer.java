package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.retry.RootCause;
import io.grpc.Status;
import java.security.cert.CertificateException;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Why a connection to a Temporal frontend failed, in one line, and whether waiting can help: a server that refuses
 * the credentials, or does not speak the TLS the host speaks, will do so again ({@link PermanentStartException});
 * one that is down or slow may come up.
 */
final class ConnectionProblemExplainer {

    private static final Set<Status.Code> REFUSED = Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private ConnectionProblemExplainer() {
    }

    static RuntimeException explain(TemporalSettings settings, RuntimeException failure) {
        String address = settings.address();
        Status status = Status.fromThrowable(failure);
        Throwable root = RootCause.of(failure);
        if (REFUSED.contains(status.getCode())) {
            return new PermanentStartException("Temporal at " + address + " refused the connection: " + status.getCode()
                    + " " + status.getDescription() + " (check temporal.api-key, TEMPORAL_API_KEY or the TLS client"
                    + " certificate temporal.tls.cert/key)", failure);
        }
        if (settings.tlsEnabled() && isTls(failure)) {
            return new PermanentStartException("TLS with Temporal at " + address + " failed: "
                    + RootCause.message(failure) + " (" + tlsHint(root) + ")", failure);
        }
        if (!settings.tlsEnabled() && status.getCode() == Status.Code.UNAVAILABLE
                && root.getMessage() != null && root.getMessage().contains("Network closed")) {
            return new IllegalStateException("Temporal at " + address + " closed the connection (does it expect"
                    + " TLS? then set temporal.tls.enabled = true)", failure);
        }
        return new IllegalStateException("cannot reach Temporal at " + address + ": " + RootCause.message(failure)
                + " (is a host with the embedded server or `worker-host dev-server` running there? --target HOST:PORT"
                + " or temporal.target names another)", failure);
    }

    private static boolean isTls(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private static String tlsHint(Throwable root) {
        String message = String.valueOf(root.getMessage());
        if (message.contains("not an SSL/TLS record")) {
            return "the server speaks plaintext: set temporal.tls.enabled = false, or point temporal.target at its"
                    + " TLS port";
        }
        if (message.contains("subject alternative") || message.contains("No name matching")) {
            return "the server's certificate names another host: set temporal.tls.server-name to a name it holds";
        }
        if (message.contains("PKIX") || message.contains("certification path") || message.contains("signature")) {
            return "the server's certificate is not signed by a CA the host trusts: set temporal.tls.ca to the PEM"
                    + " of its CA";
        }
        return "check temporal.tls.ca, .cert, .key and .server-name";
    }
}
