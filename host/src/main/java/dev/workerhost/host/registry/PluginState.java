package dev.workerhost.host.registry;

/** Where a plugin stands in the host's lifecycle. */
public enum PluginState {
    /** Loaded and registered; not yet started (offline checks stop here). */
    LOADED,
    /** Started; its workers poll. */
    STARTED,
    /** Refused or broken; the descriptor's cause says why. */
    FAILED,
    /** Turned off with {@code plugins.<name>.enabled = false}. */
    DISABLED
}
