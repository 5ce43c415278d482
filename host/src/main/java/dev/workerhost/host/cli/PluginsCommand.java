package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.registry.PluginDescriptor;
import dev.workerhost.host.registry.PluginReport;
import dev.workerhost.spi.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worker-host plugins}: loads and registers every plugin offline and says what each installs or why not, and
 * what its author should change (warnings). With {@code --add DIR} the plugins of DIR are checked together with the
 * installed ones, as if they were installed: a conflict between a candidate and an installed plugin shows here.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Load and check every plugin offline (no Temporal, no database); exit 1 if any is broken.")
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print the report as one JSON document.")
    boolean json;

    @Option(names = "--add", paramLabel = "DIR",
            description = "Also check the plugins in DIR, together with the installed ones, as if they were installed.")
    Path candidates;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        List<Path> candidateDirs = candidates == null ? List.of() : List.of(candidates);
        PluginReport report = PluginReport.of(options.loadPluginsOffline(config, candidateDirs).descriptors());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writer().withDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            report.plugins().forEach(plugin -> out.println(describe(plugin)));
            if (report.plugins().isEmpty()) {
                out.println("no plugins found");
            }
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (PluginDescriptor plugin : report.plugins()) {
            plugin.warnings().forEach(warning ->
                    err.println("warning: plugin " + plugin.name() + " (" + plugin.location() + "): " + warning));
        }
        report.plugins().stream().filter(PluginDescriptor::isBroken)
                .forEach(broken -> err.println("error: " + broken.problem()));
        err.flush();
        return report.ok() ? 0 : 1;
    }

    private static String describe(PluginDescriptor plugin) {
        if (plugin.isBroken()) {
            return plugin.problem();
        }
        return plugin.name() + " " + plugin.version() + " " + plugin.state() + " (" + plugin.location() + ")"
                + "\n  task queues:    " + String.join(", ", plugin.taskQueues())
                + "\n  workflow types: " + String.join(", ", plugin.workflowTypes())
                + "\n  activity types: " + String.join(", ", plugin.activityTypes())
                + plugin.warnings().stream().map(warning -> "\n  warning: " + warning).collect(Collectors.joining());
    }
}
