package com.google.common.base;

/**
 * A stand-in for a Guava far older than the host's: a class of Guava's that lacks every method gRPC and Temporal
 * call. It comes first on this module's test class path, as a plugin's own old Guava does on a plugin's, and the
 * echo fixture plugin bundles it. Should the host side run from the test's class path, gRPC would fail on it with a
 * NoSuchMethodError, which is what the test kit's own class loader for the host side prevents.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static String origin() {
        return "the plugin's own Guava";
    }
}
