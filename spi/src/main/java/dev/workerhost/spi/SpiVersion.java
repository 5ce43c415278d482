package dev.workerhost.spi;

/** The version of this contract. It changes only when a change would break a plugin built against an older one. */
public final class SpiVersion {

    /** The SPI version of this build. Compiled into every plugin that returns it from {@code spiVersion()}. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
