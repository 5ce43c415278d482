package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.BillingSchedulerResult;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.persistence.DueSubscription;
import dev.workerhost.plugins.billing.persistence.DueSubscriptionRepository;
import dev.workerhost.plugins.billing.persistence.InvoiceWriter;
import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.SqlErrors;
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
 * Bills the due subscriptions a page at a time ({@link PageBiller}): one transaction and a fixed number of
 * statements per page instead of a workflow and its activities per subscription. A page that holds a row that
 * cannot be billed (the page fails with invalid data and writes nothing) falls back to one
 * {@code SubscriptionBillingWorkflow} per subscription, so the others are billed and the broken one fails on its own
 * with its message. The billing workflow's id is derived from the subscription, so one whose billing still runs is
 * refused by Temporal ({@link WorkflowExecutionAlreadyStarted}) and never billed twice at once; one already billed
 * is no longer due.
 */
public final class SchedulerActivitiesImpl implements SchedulerActivities {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerActivitiesImpl.class);
    static final String BILLING_WORKFLOW = "SubscriptionBillingWorkflow";

    private final Transactions transactions;
    private final WorkflowStarter workflows;
    private final PageBiller biller;
    private final DueSubscriptionRepository due = new DueSubscriptionRepository();

    public SchedulerActivitiesImpl(DataSource dataSource, WorkflowStarter workflows, InvoiceMeters meters) {
        this.transactions = new Transactions(dataSource);
        this.workflows = workflows;
        this.biller = new PageBiller(transactions, meters);
    }

    @Override
    public BillingSchedulerResult billDue(Instant now, int pageSize) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        SchedulerProgress progress =
                activity.getHeartbeatDetails(SchedulerProgress.class).orElse(SchedulerProgress.START);
        List<DueSubscription> page;
        do {
            String after = progress.lastSubscriptionId();
            page = transactions.inTransaction(connection -> due.page(connection, now, after, pageSize));
            if (!page.isEmpty()) {
                SchedulerProgress before = progress;
                progress = billOrStart(page, progress, now, () -> activity.heartbeat(before));
                activity.heartbeat(progress);
            }
        } while (page.size() == pageSize);
        LOG.info("billing scheduler pass at {}: {} subscriptions billed ({} invoices), {} billing workflows started,"
                + " {} already running", now, progress.billed(), progress.invoices(), progress.started(),
                progress.alreadyRunning());
        return progress.result();
    }

    private SchedulerProgress billOrStart(
            List<DueSubscription> page, SchedulerProgress progress, Instant now, Runnable heartbeat) {
        String last = page.get(page.size() - 1).subscriptionId();
        try {
            PageBiller.PageBilled billed = biller.bill(page, now, heartbeat);
            return progress.billedPage(last, billed.subscriptions(), billed.invoices().size());
        } catch (InvalidDataException e) {
            return startAll(page, progress, last, e.getMessage());
        } catch (DataAccessException e) {
            // A value the database refuses recurs on every attempt: bill the page one workflow at a time. An
            // invoice written meanwhile by a running billing workflow (a unique violation) is a race: the retried
            // attempt finds it and leaves that period alone.
            if (!InvoiceWriter.isDuplicate(e) && SqlErrors.classify(e) instanceof InvalidDataException refused) {
                return startAll(page, progress, last, refused.getMessage());
            }
            throw e;
        }
    }

    private SchedulerProgress startAll(List<DueSubscription> page, SchedulerProgress progress, String last,
            String reason) {
        LOG.warn("billing scheduler: the page of subscriptions {} .. {} cannot be billed as a whole ({});"
                + " starting one billing workflow per subscription", page.get(0).subscriptionId(), last, reason);
        int started = 0;
        int alreadyRunning = 0;
        for (DueSubscription subscription : page) {
            try {
                workflows.start(BILLING_WORKFLOW, new SubscriptionBillingInput(
                        subscription.subscriptionId(), subscription.tenantId(), subscription.environmentId()));
                started++;
            } catch (WorkflowExecutionAlreadyStarted e) {
                alreadyRunning++;
            }
        }
        return progress.startedPage(last, started, alreadyRunning);
    }
}
