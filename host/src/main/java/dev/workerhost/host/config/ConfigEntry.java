package dev.workerhost.host.config;

/**
 * One key of the effective configuration as {@code worker-host config} prints it: its value (a secret redacted) and
 * where the value comes from.
 */
public record ConfigEntry(String key, Object value, String origin) {
}
