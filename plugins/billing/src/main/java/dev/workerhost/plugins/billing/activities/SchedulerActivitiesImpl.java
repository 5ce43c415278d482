package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.persistence.DueSubscription;
import dev.workerhost.plugins.billing.persistence.DueSubscriptionRepository;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.spi.WorkflowStarter;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans out billing: one {@code SubscriptionBillingWorkflow} per due subscription. The billing workflow's id is
 * derived from the subscription, so a subscription whose billing still runs is refused by Temporal
 * ({@link WorkflowExecutionAlreadyStarted}) and never billed twice at once; one already billed is no longer due.
 */
public final class SchedulerActivitiesImpl implements SchedulerActivities {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerActivitiesImpl.class);
    static final String BILLING_WORKFLOW = "SubscriptionBillingWorkflow";

    private final Transactions transactions;
    private final WorkflowStarter workflows;
    private final DueSubscriptionRepository due = new DueSubscriptionRepository();

    public SchedulerActivitiesImpl(DataSource dataSource, WorkflowStarter workflows) {
        this.transactions = new Transactions(dataSource);
        this.workflows = workflows;
    }

    @Override
    public BillingSchedulerResult startDueBillings(Instant now, int pageSize) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        SchedulerProgress progress =
                activity.getHeartbeatDetails(SchedulerProgress.class).orElse(SchedulerProgress.START);
        List<DueSubscription> page;
        do {
            String after = progress.lastSubscriptionId();
            page = transactions.inTransaction(connection -> due.page(connection, now, after, pageSize));
            if (!page.isEmpty()) {
                progress = startAll(page, progress);
                activity.heartbeat(progress);
            }
        } while (page.size() == pageSize);
        LOG.info("billing scheduler pass at {}: {} billing workflows started, {} already running",
                now, progress.started(), progress.alreadyRunning());
        return new BillingSchedulerResult(progress.started(), progress.alreadyRunning());
    }

    private SchedulerProgress startAll(List<DueSubscription> page, SchedulerProgress progress) {
        int started = progress.started();
        int alreadyRunning = progress.alreadyRunning();
        for (DueSubscription subscription : page) {
            try {
                workflows.start(BILLING_WORKFLOW, new SubscriptionBillingInput(
                        subscription.subscriptionId(), subscription.tenantId(), subscription.environmentId()));
                started++;
            } catch (WorkflowExecutionAlreadyStarted e) {
                alreadyRunning++;
            }
        }
        return new SchedulerProgress(page.get(page.size() - 1).subscriptionId(), started, alreadyRunning);
    }
}
