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

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 opens it to the network, where"
                    + " anyone can start, read and terminate workflows).")
    String bind;

    @Override
    public Integer call() throws Exception {
        ShutdownSignals signals = ShutdownSignals.install();
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start(bind, port)) {
            signals.started();
            signals.await();
        }
        return 0;
    }
}
