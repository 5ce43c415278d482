package dev.workerhost.plugins.plan.activities;

import dev.workerhost.plugins.plan.models.ExistingLineItem;
import dev.workerhost.plugins.plan.models.LineItemEnd;
import dev.workerhost.plugins.plan.models.NewLineItem;
import dev.workerhost.plugins.plan.models.PageChanges;
import dev.workerhost.plugins.plan.models.PlanPrice;
import dev.workerhost.plugins.plan.models.PlanSubscription;
import dev.workerhost.plugins.plan.models.SyncCounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PRODUCT.md's price-sync rules for one page of subscriptions, decided in memory from what the page's few queries
 * read, so the number of statements does not grow with subscriptions x prices. No I/O and no clock: {@code now} is
 * the workflow's.
 */
public final class PriceSyncRules {

    private PriceSyncRules() {
    }

    /** A subscription's line item counted for a plan price: its own, or one for an override of it. */
    private record Coverage(ExistingLineItem lineItem, boolean override) {
    }

    public static PageChanges apply(
            List<PlanSubscription> subscriptions,
            List<PlanPrice> prices,
            List<ExistingLineItem> lineItems,
            Instant now) {
        Map<String, Map<String, List<Coverage>>> coverage = coverageBySubscriptionAndPrice(prices, lineItems);
        List<NewLineItem> additions = new ArrayList<>();
        List<LineItemEnd> ends = new ArrayList<>();
        long created = 0;
        long terminated = 0;
        long skipped = 0;
        for (PlanSubscription subscription : subscriptions) {
            Map<String, List<Coverage>> byPrice = coverage.getOrDefault(subscription.id(), Map.of());
            for (PlanPrice price : prices) {
                List<Coverage> covered = byPrice.getOrDefault(price.id(), List.of());
                if (!price.fits(subscription)) {
                    skipped++;
                } else if (!covered.isEmpty()) {
                    List<LineItemEnd> toEnd = endsFor(price, covered, now);
                    ends.addAll(toEnd);
                    if (toEnd.isEmpty()) {
                        skipped++;
                    } else {
                        terminated++;
                    }
                } else if (price.endedBy(now)) {
                    skipped++;
                } else {
                    additions.add(newLineItem(subscription, price, now));
                    created++;
                }
            }
        }
        return new PageChanges(additions, ends, new SyncCounts(subscriptions.size(), created, terminated, skipped));
    }

    /**
     * Once a price has ended, its subscriptions' own line items that are still open end with it; a line item for an
     * override is the subscription's own deal and is left alone.
     */
    private static List<LineItemEnd> endsFor(PlanPrice price, List<Coverage> covered, Instant now) {
        if (!price.endedBy(now)) {
            return List.of();
        }
        return covered.stream()
                .filter(c -> !c.override() && c.lineItem().openAt(now))
                .map(c -> new LineItemEnd(c.lineItem().id(), price.endDate()))
                .collect(Collectors.toList());
    }

    /** Starts when both the price and the subscription have started; FIXED bills one unit, USAGE counts from 0. */
    private static NewLineItem newLineItem(PlanSubscription subscription, PlanPrice price, Instant now) {
        Instant start = later(price.startDate(), subscription.startDate());
        BigDecimal quantity = "FIXED".equals(price.type()) ? BigDecimal.ONE : BigDecimal.ZERO;
        return new NewLineItem(subscription.id(), price.id(), quantity, start == null ? now : start);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Subscription id -> plan price id -> the line items that count for that price. */
    private static Map<String, Map<String, List<Coverage>>> coverageBySubscriptionAndPrice(
            List<PlanPrice> prices, List<ExistingLineItem> lineItems) {
        Set<String> priceIds = prices.stream().map(PlanPrice::id).collect(Collectors.toSet());
        Map<String, Map<String, List<Coverage>>> coverage = new HashMap<>();
        for (ExistingLineItem lineItem : lineItems) {
            Map<String, List<Coverage>> byPrice =
                    coverage.computeIfAbsent(lineItem.subscriptionId(), id -> new HashMap<>());
            if (priceIds.contains(lineItem.priceId())) {
                byPrice.computeIfAbsent(lineItem.priceId(), id -> new ArrayList<>())
                        .add(new Coverage(lineItem, false));
            }
            if (lineItem.parentPriceId() != null && priceIds.contains(lineItem.parentPriceId())) {
                byPrice.computeIfAbsent(lineItem.parentPriceId(), id -> new ArrayList<>())
                        .add(new Coverage(lineItem, true));
            }
        }
        return coverage;
    }
}
