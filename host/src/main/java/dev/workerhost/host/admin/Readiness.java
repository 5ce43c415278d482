package dev.workerhost.host.admin;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.workerhost.host.registry.PluginDescriptor;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Whether the host does its job right now: Temporal answers, every datasource a plugin uses answers, every enabled
 * plugin is started and the workers poll. Asked anew on each call (servers are probed through {@link CachedProbe}),
 * so readiness goes away when a server does and comes back with it.
 */
final class Readiness {

    private final HostStatus status;
    private final ExecutorService probes;
    private final Map<Object, CachedProbe> cache = new ConcurrentHashMap<>();

    Readiness(HostStatus status, ExecutorService probes) {
        this.status = status;
        this.probes = probes;
    }

    ReadinessReport check() {
        List<String> missing = new ArrayList<>();
        String temporal = "Temporal at " + status.temporalAddress();
        status.temporal().ifPresentOrElse(
                client -> probe(client, () -> askForSystemInfo(client)).problem()
                        .ifPresent(problem -> missing.add(temporal + " does not answer: " + problem)),
                () -> missing.add(temporal + ": not connected yet"));
        status.dataSources().forEach((name, dataSource) ->
                probe(dataSource, () -> openConnection(dataSource)).problem()
                        .ifPresent(problem -> missing.add("datasource '" + name + "' does not answer: " + problem)));
        for (PluginDescriptor plugin : status.registry().descriptors()) {
            switch (plugin.state()) {
                case FAILED -> missing.add(plugin.problem());
                case LOADED -> missing.add("plugin " + plugin.name() + " is still starting");
                case STARTED, DISABLED -> { }
            }
        }
        if (!status.workersPolling()) {
            missing.add("the workers do not poll (the host is starting or stopping)");
        }
        return new ReadinessReport(missing.isEmpty(), missing);
    }

    private CachedProbe probe(Object server, CachedProbe.Check check) {
        return cache.computeIfAbsent(server, ignored -> new CachedProbe(check, probes));
    }

    private static void askForSystemInfo(WorkflowClient client) {
        client.getWorkflowServiceStubs().blockingStub()
                .withDeadlineAfter(CachedProbe.DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    }

    private static void openConnection(DataSource dataSource) throws SQLException {
        if (everyConnectionInUse(dataSource)) {
            // The database answered each of them; asking for one more would only wait for the pool.
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) CachedProbe.DEADLINE.toSeconds())) {
                throw new SQLException("the connection is not valid");
            }
        }
    }

    private static boolean everyConnectionInUse(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return false;
        }
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        return pool != null && pool.getActiveConnections() >= hikari.getMaximumPoolSize();
    }
}
