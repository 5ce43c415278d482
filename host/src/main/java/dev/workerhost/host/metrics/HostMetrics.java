package dev.workerhost.host.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's one meter registry, exported in Prometheus' text format: the JVM's and the process's meters, the
 * Temporal SDK's (through {@link #temporalScope()}, tagged by namespace, task queue, workflow and activity type),
 * the host's own and every plugin's (tagged by plugin).
 */
public final class HostMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostMetrics.class);

    /** How often the SDK's meters are handed to Micrometer; a scrape sees them at most this late. */
    private static final com.uber.m3.util.Duration SDK_REPORT_INTERVAL = com.uber.m3.util.Duration.ofSeconds(1);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private final Scope temporalScope;

    public HostMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        temporalScope = new RootScopeBuilder()
                .reporter(new MicrometerClientStatsReporter(registry))
                .reportEvery(SDK_REPORT_INTERVAL);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The scope to give the Temporal service stubs; the workers of a client report through its stubs' scope. */
    public Scope temporalScope() {
        return temporalScope;
    }

    /** Every meter in Prometheus' text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        try {
            temporalScope.close();
        } catch (ScopeCloseException e) {
            LOG.warn("the Temporal SDK's metrics scope did not close: {}", e.getMessage());
        }
        gcMetrics.close();
        registry.close();
    }
}
