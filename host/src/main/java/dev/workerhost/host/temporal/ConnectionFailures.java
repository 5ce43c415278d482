package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.PermanentFailure;
import dev.workerhost.host.retry.RootCause;
import io.grpc.Status;
import java.util.Set;

/**
 * Why a connection to a Temporal frontend failed, in one line, and whether waiting can help: a server that refuses
 * the credentials will refuse them again ({@link PermanentFailure}); one that is down or slow may come up.
 */
final class ConnectionFailures {

    private static final Set<Status.Code> REFUSED = Set.of(Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private ConnectionFailures() {
    }

    static RuntimeException explain(String address, RuntimeException failure) {
        Status status = Status.fromThrowable(failure);
        if (REFUSED.contains(status.getCode())) {
            return new PermanentFailure("Temporal at " + address + " refused the connection: " + status.getCode()
                    + " " + status.getDescription() + " (check temporal.api-key, TEMPORAL_API_KEY or the TLS client"
                    + " certificate temporal.tls.cert/key)", failure);
        }
        return new IllegalStateException("cannot reach Temporal at " + address + ": " + RootCause.message(failure)
                + " (is a host with the embedded server or `worker-host dev-server` running there? --target HOST:PORT"
                + " or temporal.target names another)", failure);
    }
}
