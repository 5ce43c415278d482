package dev.workerhost.plugins.plan.activities;

import dev.workerhost.plugins.plan.models.PlanRef;
import dev.workerhost.plugins.plan.models.PriceSyncSnapshot;
import dev.workerhost.plugins.plan.models.SyncPageRequest;
import dev.workerhost.plugins.plan.models.SyncPageResult;
import io.temporal.activity.ActivityInterface;

/**
 * The database work of {@code PriceSyncWorkflow}: activity types {@code ReadPlanPrices} and {@code
 * SyncPlanPricesPage}.
 */
@ActivityInterface
public interface PriceSyncActivities {

    /**
     * Reads the plan's published prices once, for the whole sync.
     *
     * @throws dev.workerhost.plugins.domain.NotFoundException if the plan does not exist in that tenant and
     *     environment
     */
    PriceSyncSnapshot readPlanPrices(PlanRef plan);

    /**
     * Syncs one page of the plan's subscriptions in one transaction. Safe to rerun: the rules leave a synced page as
     * it is.
     */
    SyncPageResult syncPlanPricesPage(SyncPageRequest request);
}
