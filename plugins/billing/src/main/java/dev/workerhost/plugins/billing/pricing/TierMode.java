package dev.workerhost.plugins.billing.pricing;

/** How a TIERED price applies its tiers. */
public enum TierMode {
    /** All units at the price of the tier the total falls in, plus that tier's flat amount. */
    VOLUME,
    /** Each tier's units at its own price, plus the flat amount of every tier holding some units. */
    SLAB
}
