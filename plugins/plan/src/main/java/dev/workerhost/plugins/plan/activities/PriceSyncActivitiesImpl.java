package dev.workerhost.plugins.plan.activities;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.plan.models.PageChanges;
import dev.workerhost.plugins.plan.models.PlanPrice;
import dev.workerhost.plugins.plan.models.PlanRef;
import dev.workerhost.plugins.plan.models.PlanSubscription;
import dev.workerhost.plugins.plan.models.PriceSyncSnapshot;
import dev.workerhost.plugins.plan.models.SyncCounts;
import dev.workerhost.plugins.plan.models.SyncPageRequest;
import dev.workerhost.plugins.plan.models.SyncPageResult;
import dev.workerhost.plugins.plan.persistence.LineItemStore;
import dev.workerhost.plugins.plan.persistence.PlanPriceReader;
import dev.workerhost.plugins.plan.persistence.SubscriptionPageReader;
import io.temporal.activity.Activity;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs each page as one transaction of a fixed number of statements: read and lock the page's subscriptions, read
 * their line items for the plan's prices, then one batch of inserts and one of updates. Registered through
 * {@code FailOnce}: a missing plan or a refused value fails at once.
 */
public final class PriceSyncActivitiesImpl implements PriceSyncActivities {

    private final Transactions transactions;
    private final int pageSize;
    private final int pagesPerRun;
    private final SyncMeters meters;
    private final PlanPriceReader prices = new PlanPriceReader();
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
            if (!prices.planExists(connection, plan.scope(), plan.planId())) {
                throw new NotFoundException(plan + " not found", "check plan_id, tenant_id and environment_id:"
                        + " the plan must exist in that tenant and environment");
            }
            return prices.publishedPrices(connection, plan.scope(), plan.planId());
        });
        return new PriceSyncSnapshot(published, pageSize, pagesPerRun);
    }

    @Override
    public SyncPageResult syncPlanPricesPage(SyncPageRequest request) {
        Activity.getExecutionContext().heartbeat(request.afterSubscriptionId());
        Scope scope = request.plan().scope();
        List<String> priceIds = request.prices().stream().map(PlanPrice::id).collect(Collectors.toList());
        SyncPageResult result = transactions.inTransaction(connection -> {
            List<PlanSubscription> page = subscriptions.lockPage(
                    connection, scope, request.plan().planId(), request.afterSubscriptionId(), request.pageSize());
            if (page.isEmpty()) {
                return new SyncPageResult(SyncCounts.NONE, null, false);
            }
            String last = page.get(page.size() - 1).id();
            PageChanges changes = PriceSyncRules.apply(
                    page,
                    request.prices(),
                    lineItems.forPricesOfPage(connection, scope, priceIds, request.afterSubscriptionId(), last),
                    request.now());
            // The reads are done; tell Temporal this attempt is alive before the writes.
            Activity.getExecutionContext().heartbeat(last);
            lineItems.add(connection, scope, request.plan().planId(), changes.additions(), request.now());
            lineItems.end(connection, scope, changes.ends(), request.now());
            return new SyncPageResult(changes.counts(), last, page.size() == request.pageSize());
        });
        meters.record(result.counts());
        return result;
    }
}
