package dev.workerhost.plugins.billing.activities;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.persistence.SubscriptionRow;

/** One ended period of one subscription that gets an invoice. */
record PeriodToInvoice(SubscriptionRow subscription, Period period) {

    PeriodToInvoice {
        requireNonNull(subscription, "subscription is null");
        requireNonNull(period, "period is null");
    }
}
