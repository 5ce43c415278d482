package dev.workerhost.plugins.plan.models;

import dev.workerhost.plugins.domain.Scope;

/**
 * One page of a plan's ACTIVE and TRIALING subscriptions: those with ids in ({@code afterSubscriptionId},
 * {@code lastSubscriptionId}], {@code subscriptions} of them; {@code morePages} when another subscription follows.
 */
public record SubscriptionPage(
        Scope scope,
        String planId,
        String afterSubscriptionId,
        String lastSubscriptionId,
        int subscriptions,
        boolean morePages) {
}
