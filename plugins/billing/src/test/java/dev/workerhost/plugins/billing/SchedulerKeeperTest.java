package dev.workerhost.plugins.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.billing.SchedulerKeeper.Action;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The billing cron follows plugins.billing.schedule, and comes back when the Temporal server lost it. */
class SchedulerKeeperTest {

    private static final String HOURLY = "0 * * * *";
    private static final String DAILY = "0 2 * * *";

    /**
     * The plugin started on {@code schedule}; its own checks come every {@code checkInterval} (an hour keeps them
     * out of the way of a test's own keeper), on the in-process server or the one at {@code target}.
     */
    private static PluginTestEnvironment environment(
            TestDatabase db, String schedule, String checkInterval, String target) {
        DomainSchema.migrate(db.dataSource());
        PluginTestEnvironment.Builder builder = PluginTestEnvironment.builder(new BillingModule())
                .dataSource("default", db.dataSource())
                .config("plugins.billing { schedule = \"" + schedule + "\", schedule-check-interval = "
                        + checkInterval + ", demo-data = false }");
        return (target == null ? builder.timeSkipping(false) : builder.target(target)).start();
    }

    /** The running scheduler's execution, or empty when none runs. */
    private static Optional<WorkflowExecutionDescription> running(PluginTestEnvironment env) {
        try {
            WorkflowExecutionDescription scheduler =
                    env.client().newUntypedWorkflowStub(BillingModule.SCHEDULER_WORKFLOW).describe();
            return scheduler.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
                    ? Optional.of(scheduler)
                    : Optional.empty();
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    private static String cronOf(PluginTestEnvironment env) {
        return env.client().fetchHistory(BillingModule.SCHEDULER_WORKFLOW).getEvents().get(0)
                .getWorkflowExecutionStartedEventAttributes().getCronSchedule();
    }

    private static SchedulerKeeper keeper(PluginTestEnvironment env, String schedule) {
        return new SchedulerKeeper(env.workflows(), env.client(), schedule);
    }

    @Test
    void theModuleStartsTheSchedulerOnceForEveryHostOfTheNamespace() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db, HOURLY, "1h", null)) {
            WorkflowExecutionDescription scheduler = running(env).orElseThrow();

            assertThat(scheduler.getWorkflowType()).isEqualTo(BillingModule.SCHEDULER_WORKFLOW);
            assertThat(scheduler.getTaskQueue()).isEqualTo(BillingModule.TASK_QUEUE);
            assertThat(cronOf(env)).isEqualTo(HOURLY);

            // A second host of the namespace, configured alike, keeps the one that runs.
            try (SchedulerKeeper secondHost = keeper(env, HOURLY)) {
                assertThat(secondHost.check()).isEqualTo(Action.KEPT);
            }
            assertThat(running(env).orElseThrow().getExecution()).isEqualTo(scheduler.getExecution());
        }
    }

    @Test
    void aChangedScheduleReplacesTheRunningScheduler() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db, HOURLY, "1h", null)) {
            String hourlyRun = running(env).orElseThrow().getExecution().getRunId();

            try (SchedulerKeeper restartedWithNewConfig = keeper(env, DAILY)) {
                assertThat(restartedWithNewConfig.check()).isEqualTo(Action.REPLACED);
                assertThat(restartedWithNewConfig.check()).isEqualTo(Action.KEPT);
            }

            assertThat(cronOf(env)).isEqualTo(DAILY);
            assertThat(running(env).orElseThrow().getExecution().getRunId()).isNotEqualTo(hourlyRun);
            assertThat(env.client().newUntypedWorkflowStub(BillingModule.SCHEDULER_WORKFLOW, Optional.of(hourlyRun),
                    Optional.empty()).describe().getStatus())
                    .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
        }
    }

    @Test
    void anEmptyScheduleRemovesTheScheduler() {
        try (TestDatabase db = TestDatabase.h2(); PluginTestEnvironment env = environment(db, HOURLY, "1h", null)) {
            try (SchedulerKeeper turnedOff = keeper(env, " ")) {
                assertThat(turnedOff.check()).isEqualTo(Action.REMOVED);
                assertThat(turnedOff.check()).isEqualTo(Action.OFF);
            }

            assertThat(running(env)).isEmpty();
        }
    }

    @Test
    void aRestartedTemporalServerGetsTheSchedulerBackWithinTheCheckInterval() throws Exception {
        int port = freePort();
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
        try (TestDatabase db = TestDatabase.h2();
                PluginTestEnvironment env = environment(db, HOURLY, "1s", "127.0.0.1:" + port)) {
            assertThat(running(env)).isPresent();

            server.close();
            server = TestServer.createPortBoundServer(port, true);
            assertThat(running(env)).as("the new server starts empty").isEmpty();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (running(env).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(running(env)).as("the scheduler after the restart").isPresent();
            assertThat(cronOf(env)).isEqualTo(HOURLY);
        } finally {
            server.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
