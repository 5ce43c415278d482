package dev.workerhost.plugins.billing.activities;

/**
 * How far a scheduler pass got: the last subscription id handled and the counts so far. Heartbeated after every
 * page, so a retried attempt resumes after it instead of walking the table again.
 */
public record SchedulerProgress(String lastSubscriptionId, int started, int alreadyRunning) {

    static final SchedulerProgress START = new SchedulerProgress("", 0, 0);
}
