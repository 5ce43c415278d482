package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.BillingSchedulerResult;

/**
 * How far a scheduler pass got: the last subscription id handled and the counts so far. Heartbeated after every
 * page, so a retried attempt resumes after it instead of walking the table again.
 */
public record SchedulerProgress(
        String lastSubscriptionId, int billed, int invoices, int started, int alreadyRunning) {

    static final SchedulerProgress START = new SchedulerProgress("", 0, 0, 0, 0);

    SchedulerProgress billedPage(String last, int subscriptions, int invoicesCreated) {
        return new SchedulerProgress(last, billed + subscriptions, invoices + invoicesCreated, started,
                alreadyRunning);
    }

    SchedulerProgress startedPage(String last, int workflows, int running) {
        return new SchedulerProgress(last, billed, invoices, started + workflows, alreadyRunning + running);
    }

    BillingSchedulerResult result() {
        return new BillingSchedulerResult(billed, invoices, started, alreadyRunning);
    }
}
