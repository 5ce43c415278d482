package dev.workerhost.plugins.plan.activities;

import dev.workerhost.plugins.plan.models.FirstPageRequest;
import dev.workerhost.plugins.plan.models.FirstPageResult;
import dev.workerhost.plugins.plan.models.PlanRef;
import dev.workerhost.plugins.plan.models.PriceSyncSnapshot;
import dev.workerhost.plugins.plan.models.SyncPageRequest;
import dev.workerhost.plugins.plan.models.SyncPageResult;
import io.temporal.activity.ActivityInterface;

/**
 * The database work of {@code PriceSyncWorkflow}: activity types {@code SyncFirstPlanPricesPage} and {@code
 * SyncPlanPricesPage}; {@code ReadPlanPrices} serves the syncs that started before the first page read the prices.
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
     * Reads the plan's published prices, as {@link #readPlanPrices} does, and syncs the first page against them, as
     * {@link #syncPlanPricesPage} does: a sync starts with one activity instead of two, so a plan that fits in one
     * page is synced by a single activity.
     *
     * @throws dev.workerhost.plugins.domain.NotFoundException if the plan does not exist in that tenant and
     *     environment
     */
    FirstPageResult syncFirstPlanPricesPage(FirstPageRequest request);

    /**
     * Syncs one page of the plan's subscriptions in one transaction. Safe to rerun: the rules leave a synced page as
     * it is.
     */
    SyncPageResult syncPlanPricesPage(SyncPageRequest request);
}
