package dev.workerhost.plugins.billing.pricing;

/** FIXED prices charge amount x the line item's quantity; USAGE prices charge by a meter. */
public enum PriceType {
    FIXED,
    USAGE
}
