package dev.workerhost.plugins.billing;

import com.google.auto.service.AutoService;
import dev.workerhost.plugins.billing.activities.BillingActivitiesImpl;
import dev.workerhost.plugins.billing.activities.InvoiceMeters;
import dev.workerhost.plugins.billing.activities.SchedulerActivitiesImpl;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.persistence.BillingDemoData;
import dev.workerhost.plugins.billing.workflows.BillingSchedulerWorkflowImpl;
import dev.workerhost.plugins.billing.workflows.SubscriptionBillingWorkflowImpl;
import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The billing plugin: task queue {@value #TASK_QUEUE} with {@code SubscriptionBillingWorkflow} and
 * {@code BillingSchedulerWorkflow}. On start it migrates the schema, seeds the demo rows when asked to, and keeps
 * the scheduler running as a cron workflow on {@code plugins.billing.schedule} until it closes
 * ({@link SchedulerKeeper}).
 */
@AutoService(WorkflowModule.class)
public final class BillingModule implements WorkflowModule {

    public static final String NAME = "billing";
    public static final String TASK_QUEUE = "billing";
    public static final String SCHEDULER_WORKFLOW = "BillingSchedulerWorkflow";

    private static final Logger LOG = LoggerFactory.getLogger(BillingModule.class);

    private volatile SchedulerKeeper keeper;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        DataSource dataSource = dataSource(context);
        InvoiceMeters meters = new InvoiceMeters(context.meterRegistry());
        registrar.taskQueue(TASK_QUEUE)
                .workflow(SubscriptionBillingWorkflowImpl.class, WorkflowDefaults.standard().withWorkflowId(
                        SubscriptionBillingInput.class, in -> "SubscriptionBillingWorkflow-" + in.subscriptionId()))
                // A cron workflow's execution timeout spans every run of its schedule; zero means none, so the
                // scheduler keeps running for as long as the host does.
                .workflow(BillingSchedulerWorkflowImpl.class,
                        WorkflowDefaults.standard().withExecutionTimeout(Duration.ZERO))
                .activities(
                        FailOnce.activities(new BillingActivitiesImpl(dataSource, meters)),
                        FailOnce.activities(new SchedulerActivitiesImpl(dataSource, context.workflows(), meters)));
    }

    @Override
    public void start(ModuleContext context) {
        DataSource dataSource = dataSource(context);
        DomainSchema.migrate(dataSource);
        if (DemoData.enabled(context.config(), dataSource)
                && new BillingDemoData(new Transactions(dataSource)).seedIfAbsent(Instant.now())) {
            LOG.info("seeded the billing demo rows ({}, subscription {})",
                    DemoData.SCOPE, BillingDemoData.SUBSCRIPTION_ID);
        }
        Duration checkInterval = checkInterval(context);
        SchedulerKeeper started = new SchedulerKeeper(
                context.workflows(), context.workflowClient(), context.config().getString("schedule"));
        started.keepEvery(checkInterval);
        keeper = started;
    }

    @Override
    public void close() {
        if (keeper != null) {
            keeper.close();
        }
    }

    private static Duration checkInterval(ModuleContext context) {
        Duration interval = context.config().getDuration("schedule-check-interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(
                    "plugins.billing.schedule-check-interval must be positive, not " + interval);
        }
        return interval;
    }

    private static DataSource dataSource(ModuleContext context) {
        return context.dataSource(context.config().getString("datasource"));
    }
}
