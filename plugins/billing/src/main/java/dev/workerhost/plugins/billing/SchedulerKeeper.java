package dev.workerhost.plugins.billing;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.models.BillingSchedulerInput;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.WorkflowStarter;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cron workflow {@code BillingSchedulerWorkflow} in line with {@code plugins.billing.schedule}: started when
 * it is missing (first start, or a Temporal server that lost it, such as a restarted {@code dev-server}), replaced
 * when it runs on another schedule, terminated when the schedule is empty. It checks when the plugin starts and
 * then every {@code plugins.billing.schedule-check-interval}.
 *
 * <p>The running cron's schedule is read from the first event of its current run, where Temporal records it. Hosts
 * of one namespace share the one scheduler, so they must agree on the schedule: two hosts configured differently
 * would replace each other's at every check.
 */
final class SchedulerKeeper implements AutoCloseable {

    /** What one check did. */
    enum Action { STARTED, REPLACED, REMOVED, KEPT, OFF }

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerKeeper.class);
    private static final String WORKFLOW = BillingModule.SCHEDULER_WORKFLOW;

    private final WorkflowStarter workflows;
    private final WorkflowClient client;
    private final String schedule;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "billing-scheduler-keeper");
        thread.setDaemon(true);
        thread.setContextClassLoader(SchedulerKeeper.class.getClassLoader());
        return thread;
    });

    SchedulerKeeper(WorkflowStarter workflows, WorkflowClient client, String schedule) {
        this.workflows = requireNonNull(workflows, "workflows is null");
        this.client = requireNonNull(client, "client is null");
        this.schedule = schedule.trim();
    }

    /** Checks now (a failure stops the plugin's start), then every {@code interval} until closed. */
    void keepEvery(Duration interval) {
        Action first = check();
        if (first == Action.OFF) {
            LOG.info("billing scheduler is off (plugins.billing.schedule is empty)");
        }
        timer.scheduleWithFixedDelay(() -> checkLogged(interval), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Brings the scheduler in line with the configured schedule once. */
    Action check() {
        Optional<String> running = runningSchedule();
        if (schedule.isEmpty()) {
            if (running.isEmpty()) {
                return Action.OFF;
            }
            terminate("plugins.billing.schedule is empty");
            LOG.info("billing scheduler removed: plugins.billing.schedule is empty");
            return Action.REMOVED;
        }
        if (running.isEmpty()) {
            if (!start()) {
                return Action.KEPT;
            }
            LOG.info("billing scheduler started on schedule \"{}\"", schedule);
            return Action.STARTED;
        }
        if (running.get().equals(schedule)) {
            return Action.KEPT;
        }
        terminate("plugins.billing.schedule changed from \"" + running.get() + "\" to \"" + schedule + "\"");
        start();
        LOG.info("billing scheduler replaced: schedule \"{}\" is now \"{}\"", running.get(), schedule);
        return Action.REPLACED;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void checkLogged(Duration interval) {
        try {
            check();
        } catch (RuntimeException e) {
            // Temporal may be away for a while (a restarted server): one line per check, the next one retries.
            LOG.warn("billing scheduler check failed, next in {} s: {}", interval.toSeconds(), e.getMessage());
            LOG.debug("billing scheduler check failed", e);
        }
    }

    /** The cron schedule of the running scheduler, or empty when none runs. */
    private Optional<String> runningSchedule() {
        WorkflowStub scheduler = client.newUntypedWorkflowStub(WORKFLOW);
        try {
            if (scheduler.describe().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                return Optional.empty();
            }
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(client.fetchHistory(WORKFLOW).getEvents().get(0)
                .getWorkflowExecutionStartedEventAttributes().getCronSchedule());
    }

    /** Starts the scheduler; false if another host started it first. */
    private boolean start() {
        try {
            workflows.start(WORKFLOW, new BillingSchedulerInput(null),
                    StartOptions.defaults().withWorkflowId(WORKFLOW).withCronSchedule(schedule));
            return true;
        } catch (WorkflowExecutionAlreadyStarted e) {
            return false;
        }
    }

    private void terminate(String reason) {
        try {
            client.newUntypedWorkflowStub(WORKFLOW).terminate(reason);
        } catch (WorkflowNotFoundException e) {
            // Ended meanwhile (another host replaced it): nothing left to terminate.
        }
    }
}
