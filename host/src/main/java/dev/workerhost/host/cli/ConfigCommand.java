package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.config.ConfigEntry;
import dev.workerhost.host.config.EffectiveConfiguration;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.spi.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worker-host config}: the effective configuration, key by key with its origin, secrets redacted. The plugins
 * are loaded offline so that their defaults (their own reference.conf) show too.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration: every key, its value and where it comes from;"
                + " secrets (passwords, tokens, API keys, private keys) redacted.")
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print a JSON array of {key, value, origin}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        EffectiveConfiguration effective = new EffectiveConfiguration(config);
        for (PluginEntry plugin : options.loadPluginsOffline(config).registered()) {
            plugin.context().ifPresent(context -> effective.withPlugin(plugin.name(), context.config()));
        }
        List<ConfigEntry> entries = effective.entries();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.writer().withDefaultPrettyPrinter().writeValueAsString(entries));
        } else {
            for (ConfigEntry entry : entries) {
                out.println(entry.key() + " = " + Json.writer().writeValueAsString(entry.value())
                        + "  # " + entry.origin());
            }
        }
        out.flush();
        return 0;
    }
}
