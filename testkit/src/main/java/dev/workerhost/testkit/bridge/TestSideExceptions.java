package dev.workerhost.testkit.bridge;

import dev.workerhost.spi.ValidationError;

/**
 * Exceptions of the test side's own classes, made for the host side: a test expects the SPI's
 * {@link ValidationError} as its class path has it, not the host side's copy.
 */
public final class TestSideExceptions {

    private TestSideExceptions() {
    }

    public static RuntimeException validationError(String message, String hint) {
        return new ValidationError(message, hint);
    }
}
