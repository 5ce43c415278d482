package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.Patience;
import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.retry.RootCause;
import dev.workerhost.spi.Json;
import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens connections to the Temporal frontend named by {@link TemporalSettings}: plaintext, TLS, mTLS, API key and
 * gRPC metadata, all set up by the SDK's own profile type (temporal-envconfig), so the host and the Temporal CLI
 * read a connection the same way.
 */
public final class TemporalConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalConnector.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    private final TemporalSettings settings;
    private final Scope metricsScope;

    public TemporalConnector(TemporalSettings settings) {
        this(settings, new NoopScope());
    }

    /** @param metricsScope where the SDK reports its metrics, the client's and its workers' */
    public TemporalConnector(TemporalSettings settings, Scope metricsScope) {
        this.settings = settings;
        this.metricsScope = metricsScope;
        if (settings.connectionApiKey().isPresent() && !settings.tlsEnabled()) {
            LOG.warn("the Temporal API key is sent to {} in plaintext: TLS is off (set temporal.tls.enabled = true"
                    + " unless the server is on this machine)", settings.address());
        }
    }

    /**
     * Connects, waiting with {@link Patience} while the frontend is unreachable; an interrupt (the host being
     * stopped) ends the wait.
     *
     * @throws PermanentStartException at once for what waiting cannot fix: a malformed target, an unknown host, refused
     *     credentials, a TLS set-up the server does not speak
     * @throws InterruptedException if the thread is interrupted while waiting for the next attempt
     */
    public WorkflowClient connectPatiently() throws InterruptedException {
        return Patience.untilItAnswers("Temporal at " + settings.address(), this::connectOnce, LOG);
    }

    /**
     * Connects once, for the CLI: an unreachable frontend is an error, not a reason to wait.
     *
     * @throws PermanentStartException for what waiting cannot fix
     * @throws IllegalStateException naming the address and the cause if the frontend does not answer
     */
    public WorkflowClient connectOnce() {
        TemporalAddress.parse(settings.address()).resolve();
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(stubsOptions());
        try {
            // one health check first: it fails at once where connect would retry until its timeout
            stubs.healthCheck();
            stubs.connect(ATTEMPT_TIMEOUT);
        } catch (RuntimeException e) {
            // a channel left open keeps reconnecting (and logging) in the background
            stubs.shutdownNow();
            throw ConnectionProblemExplainer.explain(settings, e);
        }
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setDataConverter(Json.dataConverter())
                .build());
    }

    private WorkflowServiceStubsOptions stubsOptions() {
        try {
            WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions
                    .newBuilder(settings.connection().toWorkflowServiceStubsOptions())
                    .setMetricsScope(metricsScope);
            if (!settings.tlsEnabled()) {
                // the SDK turns TLS on for an API key unless told otherwise; temporal.tls.enabled decides
                options.setEnableHttps(false);
            }
            return options.build();
        } catch (RuntimeException e) {
            throw new PermanentStartException("cannot set up TLS towards Temporal at " + settings.address() + ": "
                    + RootCause.message(e) + " (check temporal.tls.cert, .key and .ca, or the TEMPORAL_TLS_*"
                    + " variables)", e);
        }
    }
}
