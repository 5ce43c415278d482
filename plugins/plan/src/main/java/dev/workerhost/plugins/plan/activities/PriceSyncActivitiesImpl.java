package dev.workerhost.plugins.plan.activities;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.plan.models.FirstPageRequest;
import dev.workerhost.plugins.plan.models.FirstPageResult;
import dev.workerhost.plugins.plan.models.LineItemEnd;
import dev.workerhost.plugins.plan.models.PlanPrice;
import dev.workerhost.plugins.plan.models.PlanRef;
import dev.workerhost.plugins.plan.models.PriceSyncProgress;
import dev.workerhost.plugins.plan.models.PriceSyncSnapshot;
import dev.workerhost.plugins.plan.models.SubscriptionPage;
import dev.workerhost.plugins.plan.models.SyncCounts;
import dev.workerhost.plugins.plan.models.SyncPageRequest;
import dev.workerhost.plugins.plan.models.SyncPageResult;
import dev.workerhost.plugins.plan.persistence.PagePlanning;
import dev.workerhost.plugins.plan.persistence.LineItemStore;
import dev.workerhost.plugins.plan.persistence.PlanPriceReader;
import dev.workerhost.plugins.plan.persistence.SubscriptionPageReader;
import io.temporal.activity.Activity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Syncs each page as one transaction of a fixed number of set-based statements, whatever the page holds: lock the
 * plan, find the page's bounds, find and end the open line items of ended prices (when a price has ended), insert
 * the missing line items (when a price has not).
 * The database applies the rules (README, "How it works"); the counts come from what it ended and inserted: every
 * other pair of the page was skipped. Registered through {@code FailOnce}: a missing plan or a refused value fails at once.
 */
public final class PriceSyncActivitiesImpl implements PriceSyncActivities {

    private final Transactions transactions;
    private final int pageSize;
    private final int pagesPerRun;
    private final SyncMeters meters;
    private final PlanPriceReader plans = new PlanPriceReader();
    private final SubscriptionPageReader subscriptions = new SubscriptionPageReader();
    private final LineItemStore lineItems = new LineItemStore();

    public PriceSyncActivitiesImpl(Transactions transactions, int pageSize, int pagesPerRun, SyncMeters meters) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.pageSize = pageSize;
        this.pagesPerRun = pagesPerRun;
        this.meters = requireNonNull(meters, "meters is null");
    }

    @Override
    public PriceSyncSnapshot readPlanPrices(PlanRef plan) {
        List<PlanPrice> published = transactions.inTransaction(connection -> {
            if (!plans.planExists(connection, plan.scope(), plan.planId())) {
                throw notFound(plan);
            }
            return plans.publishedPrices(connection, plan.scope(), plan.planId());
        });
        return new PriceSyncSnapshot(published, pageSize, pagesPerRun);
    }

    @Override
    public FirstPageResult syncFirstPlanPricesPage(FirstPageRequest request) {
        PriceSyncSnapshot snapshot = readPlanPrices(request.plan());
        SyncPageResult page = syncPlanPricesPage(
                PriceSyncProgress.starting(snapshot, request.now()).nextPage(request.plan()));
        return new FirstPageResult(snapshot, page);
    }

    @Override
    public SyncPageResult syncPlanPricesPage(SyncPageRequest request) {
        Activity.getExecutionContext().heartbeat(request.afterSubscriptionId());
        PlanRef plan = request.plan();
        // A price has ended when its end date has come; one without an end date never ends.
        Map<Boolean, List<PlanPrice>> endedOrNot = request.prices().stream().collect(Collectors.partitioningBy(
                price -> price.endDate() != null && !price.endDate().isAfter(request.now())));
        List<PlanPrice> ended = endedOrNot.get(true);
        List<PlanPrice> active = endedOrNot.get(false);
        SyncPageResult result = transactions.inTransaction(connection -> {
            PagePlanning.forThisTransaction(connection);
            if (!plans.lockPlan(connection, plan.scope(), plan.planId())) {
                throw notFound(plan);
            }
            Optional<SubscriptionPage> found = subscriptions.next(
                    connection, plan.scope(), plan.planId(), request.afterSubscriptionId(), request.pageSize());
            if (found.isEmpty()) {
                return new SyncPageResult(SyncCounts.NONE, null, false);
            }
            SubscriptionPage page = found.get();
            long created = 0;
            long terminated = 0;
            if (!ended.isEmpty()) {
                List<LineItemEnd> ends = lineItems.openOf(connection, page, ended, request.now());
                lineItems.end(connection, plan.scope(), ends, request.now());
                terminated = ends.stream().map(end -> List.of(end.subscriptionId(), end.planPriceId())).distinct()
                        .count();
            }
            if (!active.isEmpty()) {
                created = lineItems.addMissing(connection, page, active, request.now());
            }
            long pairs = (long) page.subscriptions() * request.prices().size();
            SyncCounts counts = new SyncCounts(page.subscriptions(), created, terminated, pairs - created - terminated);
            return new SyncPageResult(counts, page.lastSubscriptionId(), page.morePages());
        });
        meters.record(result.counts());
        return result;
    }

    private static NotFoundException notFound(PlanRef plan) {
        return new NotFoundException(plan + " not found",
                "check plan_id, tenant_id and environment_id: the plan must exist in that tenant and environment");
    }
}
