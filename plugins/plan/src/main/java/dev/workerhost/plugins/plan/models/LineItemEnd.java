package dev.workerhost.plugins.plan.models;

import java.time.Instant;

/** An open line item the sync ends, at the end date of the price it bills. */
public record LineItemEnd(String lineItemId, Instant endDate) {
}
