package dev.workerhost.plugins.billing.pricing;

/** How a USAGE price turns a metered quantity into an amount. */
public enum BillingModel {
    FLAT_FEE,
    PER_UNIT,
    PACKAGE,
    TIERED
}
