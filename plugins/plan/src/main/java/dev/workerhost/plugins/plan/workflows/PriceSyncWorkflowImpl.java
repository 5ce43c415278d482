package dev.workerhost.plugins.plan.workflows;

import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.plan.activities.PriceSyncActivities;
import dev.workerhost.plugins.plan.models.FirstPageRequest;
import dev.workerhost.plugins.plan.models.FirstPageResult;
import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncProgress;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.plugins.plan.models.PriceSyncSnapshot;
import dev.workerhost.spi.Validation;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;

/**
 * Reads the plan's prices once, with the first page, then syncs its subscriptions page by page, one activity per
 * page, so a retry redoes one page only. Every {@code pages_per_run} pages it continues as new, carrying its
 * progress, so that even a very large plan keeps a short history.
 */
public final class PriceSyncWorkflowImpl implements PriceSyncWorkflow {

    private static final Logger log = Workflow.getLogger(PriceSyncWorkflowImpl.class);

    /** A page takes well under a second; the heartbeat timeout finds a dead worker long before the 10 minutes. */
    static final ActivityOptions ACTIVITY_OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(10))
            .setHeartbeatTimeout(Duration.ofMinutes(1))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setBackoffCoefficient(2.0)
                    .setMaximumInterval(Duration.ofMinutes(5))
                    .setMaximumAttempts(3)
                    .build())
            .build();

    /**
     * Version 1: the first page's activity also reads the prices, one activity round trip fewer per sync. Syncs
     * started before it read the prices in an activity of their own and replay that way.
     */
    private static final String FIRST_PAGE_READS_PRICES = "first-page-reads-prices";

    private final PriceSyncActivities activities =
            FailOnce.newActivityStub(PriceSyncActivities.class, ACTIVITY_OPTIONS);

    @Override
    public PriceSyncResult sync(PriceSyncInput input, PriceSyncProgress resumeFrom) {
        Validation.validateInWorkflow(input);
        PriceSyncProgress progress = resumeFrom;
        int pages = 0;
        if (progress == null) {
            log.info("price sync of {} requested by user {}", input.plan(), input.userId());
            if (Workflow.getVersion(FIRST_PAGE_READS_PRICES, Workflow.DEFAULT_VERSION, 1)
                    == Workflow.DEFAULT_VERSION) {
                // Started by older code (no version marker in its history): the prices had an activity of their own.
                PriceSyncSnapshot snapshot = activities.readPlanPrices(input.plan());
                progress = PriceSyncProgress.starting(snapshot, workflowNow());
            } else {
                Instant now = workflowNow();
                FirstPageResult first = activities.syncFirstPlanPricesPage(new FirstPageRequest(input.plan(), now));
                progress = PriceSyncProgress.starting(first.snapshot(), now).after(first.page());
                pages = 1;
            }
        }
        while (!progress.done()) {
            if (pages == progress.snapshot().pagesPerRun()) {
                log.info("price sync of {} continues as new after subscription {}",
                        input.plan(), progress.afterSubscriptionId());
                Workflow.continueAsNew(input, progress);
            }
            PriceSyncProgress current = progress;
            progress = progress.after(activities.syncPlanPricesPage(current.nextPage(input.plan())));
            pages++;
        }
        PriceSyncResult result = progress.totals().toResult(input.planId());
        log.info("price sync of {} requested by user {} done: {}", input.plan(), input.userId(), result);
        return result;
    }

    private static Instant workflowNow() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
