package dev.workerhost.host.admin;

import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginEvent;
import dev.workerhost.host.registry.PluginReport;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /plugins}: the document {@code worker-host plugins --json} prints, as the plugins are now, plus what
 * happened to each plugin since the host started (loads, upgrades, refusals, removals), by plugin name.
 */
record PluginsDocument(boolean ok, List<PluginDescriptor> plugins, Map<String, List<PluginEvent>> history) {

    static PluginsDocument of(HostStatus status) {
        PluginReport report = PluginReport.of(status.registry().descriptors());
        return new PluginsDocument(report.ok(), report.plugins(), status.pluginHistory());
    }
}
