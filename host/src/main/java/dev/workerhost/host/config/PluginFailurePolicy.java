package dev.workerhost.host.config;

import java.util.Locale;

/** What the host does when a plugin is broken ({@code host.on-plugin-failure}). */
public enum PluginFailurePolicy {
    /** Refuse to start; nothing polls. */
    FAIL,
    /** Run the healthy plugins, report the broken ones. */
    SKIP;

    static PluginFailurePolicy parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "config key host.on-plugin-failure: \"" + value + "\" is neither fail nor skip", e);
        }
    }
}
