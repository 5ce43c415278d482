package dev.workerhost.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.testkit.TestDatabase;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as replicas run it: a {@code dev-server} standing in for the Temporal cluster, hosts connected to
 * it by configuration only, and PostgreSQL as their shared database.
 */
class ClusterDistributionIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final String TENANT = "tenant_it";
    private static final String ENVIRONMENT = "env_it";

    @TempDir
    Path temp;

    private TestDatabase database;
    private HostProcess devServer;
    private int temporalPort;
    private WorkflowServiceStubs service;
    private WorkflowClient client;

    @BeforeEach
    void startClusterAndDatabase() {
        database = TestDatabase.postgres();
        temporalPort = Distribution.freePort();
        devServer = Distribution.copyTo(temp.resolve("server"))
                .start(Map.of(), "dev-server", "--port", String.valueOf(temporalPort))
                .awaitOutput(String.valueOf(temporalPort), STARTUP);
        service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + temporalPort).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder().build());
    }

    @AfterEach
    void stopClusterAndDatabase() {
        service.shutdownNow();
        devServer.close();
        database.close();
    }

    @Test
    void twoHostsOnOneClusterShareTheWork() throws Exception {
        try (HostProcess first = startHost("first"); HostProcess second = startHost("second")) {
            first.awaitReady(STARTUP);
            second.awaitReady(STARTUP);
            Path file = writeEventsCsv(temp.resolve("events.csv"), 50);
            List<String> taskIds = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                taskIds.add(insertImportTask("task_share_" + i, file));
            }

            List<WorkflowStub> runs = new ArrayList<>();
            for (String taskId : taskIds) {
                runs.add(startImport(taskId));
            }
            Set<String> workerIdentities = new HashSet<>();
            for (WorkflowStub run : runs) {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = run.getResult(Map.class);
                assertThat(result).containsEntry("status", "COMPLETED");
                workerIdentities.addAll(activityWorkers(run.getExecution().getWorkflowId()));
            }

            assertThat(workerIdentities).as("identities of the workers that ran ProcessTask").hasSize(2);
            assertThat(count("SELECT count(*) FROM events")).isEqualTo(20L * 50);
        }
    }

    @Test
    void sigtermDuringARunningActivityLetsItFinishThenExitsZero() throws Exception {
        int rows = 300_000;
        Path file = writeEventsCsv(temp.resolve("big.csv"), rows);
        try (HostProcess host = startHost("draining").awaitReady(STARTUP)) {
            String taskId = insertImportTask("task_drain", file);
            startImport(taskId);
            awaitProcessing(taskId);

            host.terminate();
            CommandResult stopped = host.awaitExit(Duration.ofMinutes(1));

            assertThat(stopped.exitCode()).as("%s", stopped).isZero();
            assertThat(count("SELECT processed_records FROM tasks WHERE id = 'task_drain'")).isEqualTo(rows);
            assertThat(count("SELECT count(*) FROM tasks WHERE id = 'task_drain' AND task_status = 'COMPLETED'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM events")).isEqualTo(rows);
        }
    }

    @Test
    void withADeploymentNameEachShippedPluginServesAsAVersionOfADeploymentOfItsOwn() throws Exception {
        // The dev-server is the SDK's test server: it takes versioned polls but records no version and pins nothing
        // (no Temporal cluster runs here), so this shows what the hosts register and that their workers serve.
        try (HostProcess host = startHost("versioned", "-Dworkers.deployment.name=shop").awaitReady(STARTUP)) {
            assertThat(host.output()).contains(
                    "workers polling task queues [task] as Worker Deployment version shop-task.0.",
                    "workers polling task queues [plan] as Worker Deployment version shop-plan.0.",
                    "workers polling task queues [billing] as Worker Deployment version shop-billing.0.");

            WorkflowStub run = startImport(insertImportTask("task_versioned",
                    writeEventsCsv(temp.resolve("versioned.csv"), 10)));

            @SuppressWarnings("unchecked")
            Map<String, Object> result = run.getResult(Map.class);
            assertThat(result).containsEntry("status", "COMPLETED");
        }
    }

    private HostProcess startHost(String name, String... javaOptions) {
        Map<String, String> env = new HashMap<>();
        env.put("TEMPORAL_ADDRESS", "127.0.0.1:" + temporalPort);
        env.put("WORKER_HOST_DB_URL", database.url());
        env.put("WORKER_HOST_DB_USER", database.user());
        // Off, so the hosts' schedulers and demo rows stay out of the counts; the import files are in the test's folder.
        env.put("JAVA_OPTS", "-Dplugins.billing.schedule= -Dhost.admin.port=" + Distribution.freePort()
                + " -Dplugins.task.sources.folders.0=" + temp + " " + String.join(" ", javaOptions));
        return Distribution.copyTo(temp.resolve(name)).start(env, "run");
    }

    private WorkflowStub startImport(String taskId) {
        WorkflowStub stub = client.newUntypedWorkflowStub("TaskProcessingWorkflow",
                WorkflowOptions.newBuilder().setTaskQueue("task").setWorkflowId("import-" + taskId).build());
        stub.start(Map.of("task_id", taskId, "tenant_id", TENANT, "environment_id", ENVIRONMENT));
        return stub;
    }

    private Set<String> activityWorkers(String workflowId) {
        Set<String> identities = new HashSet<>();
        for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
            if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
                identities.add(event.getActivityTaskStartedEventAttributes().getIdentity());
            }
        }
        return identities;
    }

    private String insertImportTask(String taskId, Path file) {
        database.execute("INSERT INTO tasks (id, tenant_id, environment_id, task_type, entity_type, file_url, file_type)"
                + " VALUES ('" + taskId + "', '" + TENANT + "', '" + ENVIRONMENT + "', 'IMPORT', 'EVENTS', '"
                + file.toUri() + "', 'CSV')");
        return taskId;
    }

    private void awaitProcessing(String taskId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (count("SELECT processed_records FROM tasks WHERE id = '" + taskId + "'") == 0) {
            assertThat(Instant.now()).as("the import of " + taskId + " started").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Events without an event_id column, so each task's rows get their own ids (task id + line). */
    private static Path writeEventsCsv(Path file, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("event_name,external_customer_id,timestamp,properties.region\n");
            for (int i = 0; i < rows; i++) {
                out.write("api_call,cus_" + (i % 100) + ",2026-01-01T00:00:00Z,eu\n");
            }
        }
        return file;
    }
}
