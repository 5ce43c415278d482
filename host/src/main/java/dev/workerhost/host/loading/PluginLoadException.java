package dev.workerhost.host.loading;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** A plugin that cannot be loaded: where it lies and why, in words an operator can act on. */
public final class PluginLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path location;
    private final String reason;

    public PluginLoadException(Path location, String reason, Throwable cause) {
        super("plugin " + location.getFileName() + " (" + location + "): " + reason, cause);
        this.location = requireNonNull(location, "location is null");
        this.reason = requireNonNull(reason, "reason is null");
    }

    public Path location() {
        return location;
    }

    /** The cause without the location, e.g. "needs a public no-argument constructor". */
    public String reason() {
        return reason;
    }
}
