package dev.workerhost.host.cli;

import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code worker-host dev-server}: only the embedded Temporal server, shared by several hosts on one machine. */
@Command(name = "dev-server", mixinStandardHelpOptions = true,
        description = "Run only the embedded Temporal server (real time) until SIGTERM/SIGINT.")
final class DevServerCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "7233", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws Exception {
        ShutdownSignals signals = ShutdownSignals.install();
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port)) {
            signals.started();
            signals.await();
        }
        return 0;
    }
}
