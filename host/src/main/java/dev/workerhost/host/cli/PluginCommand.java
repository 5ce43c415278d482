package dev.workerhost.host.cli;

import picocli.CommandLine.Command;

/** {@code worker-host plugin}: for plugin authors (the installed plugins are checked by {@code plugins}). */
@Command(name = "plugin", mixinStandardHelpOptions = true,
        description = "Write plugins: start a new plugin project.",
        subcommands = {PluginInitCommand.class})
final class PluginCommand {
}
