package dev.workerhost.plugins.plan.models;

import java.math.BigDecimal;
import java.time.Instant;

/** A line item the sync adds to a subscription for a plan price. */
public record NewLineItem(String subscriptionId, String priceId, BigDecimal quantity, Instant startDate) {
}
