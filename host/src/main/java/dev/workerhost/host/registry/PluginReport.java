package dev.workerhost.host.registry;

import java.util.List;

/**
 * The document {@code worker-host plugins --json} prints: {@code ok} is false when any plugin is broken, and each
 * plugin is a {@link PluginDescriptor}.
 */
public record PluginReport(boolean ok, List<PluginDescriptor> plugins) {

    public PluginReport {
        plugins = List.copyOf(plugins);
    }

    public static PluginReport of(List<PluginDescriptor> plugins) {
        return new PluginReport(plugins.stream().noneMatch(PluginDescriptor::isBroken), plugins);
    }
}
