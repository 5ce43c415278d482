package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.Patience;
import dev.workerhost.spi.Json;
import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens connections to the Temporal frontend named by {@link TemporalSettings}: plain, TLS, mTLS or API key. */
public final class TemporalConnector {

    private static final Logger LOG = LoggerFactory.getLogger(TemporalConnector.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

    /** Temporal's default converter, with JSON done by {@link Json#mapper()}: what the CLI parses, workers decode. */
    private static final DataConverter DATA_CONVERTER = DefaultDataConverter.newDefaultInstance()
            .withPayloadConverterOverrides(new JacksonJsonPayloadConverter(Json.mapper()));

    private final TemporalSettings settings;
    private final Scope metricsScope;

    /** What the host's client encodes and decodes payloads with; a test kit's server must use the same. */
    public static DataConverter dataConverter() {
        return DATA_CONVERTER;
    }

    public TemporalConnector(TemporalSettings settings) {
        this(settings, new NoopScope());
    }

    /** @param metricsScope where the SDK reports its metrics, the client's and its workers' */
    public TemporalConnector(TemporalSettings settings, Scope metricsScope) {
        this.settings = settings;
        this.metricsScope = metricsScope;
    }

    /**
     * Connects, waiting with {@link Patience} until the frontend answers; an interrupt (the host being stopped)
     * ends the wait.
     *
     * @throws InterruptedException if the thread is interrupted while waiting for the next attempt
     */
    public WorkflowClient connectPatiently() throws InterruptedException {
        return Patience.untilItAnswers("Temporal at " + settings.address(), this::connectOnce, LOG);
    }

    /**
     * Connects once, for the CLI: an unreachable frontend is an error, not a reason to wait.
     *
     * @throws IllegalStateException naming the address and the cause if the frontend does not answer
     */
    public WorkflowClient connectOnce() {
        WorkflowServiceStubs stubs;
        try {
            stubs = WorkflowServiceStubs.newConnectedServiceStubs(stubsOptions(), ATTEMPT_TIMEOUT);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot reach Temporal at " + settings.address() + ": "
                    + Patience.rootMessage(e) + " (is a host with the embedded server or `worker-host dev-server`"
                    + " running there? --target HOST:PORT or temporal.target names another)", e);
        }
        return WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setDataConverter(DATA_CONVERTER)
                .build());
    }

    private WorkflowServiceStubsOptions stubsOptions() {
        WorkflowServiceStubsOptions.Builder options = WorkflowServiceStubsOptions.newBuilder()
                .setTarget(settings.address())
                .setMetricsScope(metricsScope);
        settings.apiKey().ifPresent(key -> options.addApiKey(() -> key));
        TemporalSettings.TlsSettings tls = settings.tls();
        if (tls.enabled()) {
            options.setSslContext(sslContext(tls));
            tls.serverName().ifPresent(name -> options.setChannelInitializer(channel -> channel.overrideAuthority(name)));
        } else if (settings.apiKey().isPresent()) {
            // an API key travels only over TLS; Temporal Cloud refuses it in the clear
            options.setEnableHttps(true);
        }
        return options.build();
    }

    private static SslContext sslContext(TemporalSettings.TlsSettings tls) {
        try {
            SslContextBuilder builder = GrpcSslContexts.forClient();
            tls.ca().ifPresent(ca -> builder.trustManager(new File(ca)));
            if (tls.cert().isPresent() != tls.key().isPresent()) {
                throw new IllegalArgumentException(
                        "config keys temporal.tls.cert and temporal.tls.key must be set together for mTLS");
            }
            if (tls.cert().isPresent()) {
                builder.keyManager(new File(tls.cert().get()), new File(tls.key().get()));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files of temporal.tls: " + e.getMessage(), e);
        }
    }
}
