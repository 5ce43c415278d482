package dev.workerhost.plugins.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import dev.workerhost.testkit.TestTemporalServer;
import dev.workerhost.testkit.WorkflowDescription;
import dev.workerhost.testkit.WorkflowStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The billing cron follows plugins.billing.schedule across the hosts of a namespace (environments on one Temporal
 * server), and comes back when the Temporal server lost it.
 */
@Execution(ExecutionMode.CONCURRENT)
class SchedulerKeeperTest {

    private static final String HOURLY = "0 * * * *";
    private static final String DAILY = "0 2 * * *";

    /**
     * A host of the plugin on {@code server}, started on {@code schedule}; its own checks come every
     * {@code checkInterval} (an hour keeps them out of the way of the hosts a test starts after it).
     */
    private static PluginTestEnvironment host(
            TestDatabase db, TestTemporalServer server, String schedule, String checkInterval) {
        DomainSchema.migrate(db.dataSource());
        return PluginTestEnvironment.builder()
                .dataSource("default", db.dataSource())
                .config("plugins.billing { schedule = \"" + schedule + "\", schedule-check-interval = "
                        + checkInterval + ", demo-data = false }")
                .target(server.target())
                .start();
    }

    /** The running scheduler's execution, or empty when none runs. */
    private static Optional<WorkflowDescription> running(PluginTestEnvironment env) {
        return env.describe(BillingModule.SCHEDULER_WORKFLOW)
                .filter(scheduler -> scheduler.status() == WorkflowStatus.RUNNING);
    }

    private static String cronOf(PluginTestEnvironment env) {
        return env.history(BillingModule.SCHEDULER_WORKFLOW).cronSchedule().orElseThrow();
    }

    @Test
    void theModuleStartsTheSchedulerOnceForEveryHostOfTheNamespace() {
        try (TestTemporalServer server = TestTemporalServer.start(); TestDatabase db = TestDatabase.h2();
                PluginTestEnvironment env = host(db, server, HOURLY, "1h")) {
            WorkflowDescription scheduler = running(env).orElseThrow();

            assertThat(scheduler.workflowType()).isEqualTo(BillingModule.SCHEDULER_WORKFLOW);
            assertThat(scheduler.taskQueue()).isEqualTo(BillingModule.TASK_QUEUE);
            assertThat(cronOf(env)).isEqualTo(HOURLY);

            // A second host of the namespace, configured alike, keeps the one that runs.
            try (PluginTestEnvironment secondHost = host(db, server, HOURLY, "1h")) {
                assertThat(running(secondHost).orElseThrow().runId()).isEqualTo(scheduler.runId());
            }
            assertThat(running(env).orElseThrow().runId()).isEqualTo(scheduler.runId());
        }
    }

    @Test
    void aChangedScheduleReplacesTheRunningScheduler() {
        try (TestTemporalServer server = TestTemporalServer.start(); TestDatabase db = TestDatabase.h2();
                PluginTestEnvironment env = host(db, server, HOURLY, "1h")) {
            String hourlyRun = running(env).orElseThrow().runId();

            String dailyRun;
            try (PluginTestEnvironment restartedWithNewConfig = host(db, server, DAILY, "1h")) {
                dailyRun = running(restartedWithNewConfig).orElseThrow().runId();
            }
            try (PluginTestEnvironment andAgain = host(db, server, DAILY, "1h")) {
                assertThat(running(andAgain).orElseThrow().runId()).as("kept once replaced").isEqualTo(dailyRun);
            }

            assertThat(cronOf(env)).isEqualTo(DAILY);
            assertThat(dailyRun).isNotEqualTo(hourlyRun);
            assertThat(env.describe(BillingModule.SCHEDULER_WORKFLOW, hourlyRun).orElseThrow().status())
                    .isEqualTo(WorkflowStatus.TERMINATED);
        }
    }

    @Test
    void anEmptyScheduleRemovesTheScheduler() {
        try (TestTemporalServer server = TestTemporalServer.start(); TestDatabase db = TestDatabase.h2();
                PluginTestEnvironment env = host(db, server, HOURLY, "1h")) {
            try (PluginTestEnvironment turnedOff = host(db, server, " ", "1h")) {
                assertThat(running(turnedOff)).isEmpty();
            }

            assertThat(running(env)).isEmpty();
        }
    }

    @Test
    void aRestartedTemporalServerGetsTheSchedulerBackWithinTheCheckInterval() throws Exception {
        try (TestTemporalServer server = TestTemporalServer.start(); TestDatabase db = TestDatabase.h2();
                PluginTestEnvironment env = host(db, server, HOURLY, "1s")) {
            String lostRun = running(env).orElseThrow().runId();

            server.restart();
            // Empty, unless the plugin's next check (every second) has already started a new run.
            assertThat(running(env).map(WorkflowDescription::runId)).as("the new server lost the run")
                    .isNotEqualTo(Optional.of(lostRun));

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (running(env).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(running(env)).as("the scheduler after the restart").isPresent();
            assertThat(cronOf(env)).isEqualTo(HOURLY);
        }
    }
}
