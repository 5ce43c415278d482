package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.temporal.TemporalInBackground;
import dev.workerhost.host.temporal.TemporalSettings;
import io.temporal.client.WorkflowClient;
import picocli.CommandLine.Option;

/** {@code --target HOST:PORT}, by default {@code temporal.target} ({@code embedded}: 127.0.0.1:embedded.port). */
final class TargetOption {

    /** What a command does with a connection, which is closed after it. */
    interface ClientCall {
        int call(WorkflowClient client) throws Exception;
    }

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "The Temporal frontend (default: temporal.target of the configuration).")
    String target;

    /** Connects once (no waiting: an unreachable target is an error), runs {@code call}, disconnects. */
    int withClient(Config config, ClientCall call) throws Exception {
        WorkflowClient client = new TemporalConnector(settings(config)).connectOnce();
        try {
            return call.call(client);
        } finally {
            client.getWorkflowServiceStubs().shutdown();
        }
    }

    /** Connects once, as {@link #withClient} does, on a thread of its own while the command does other work. */
    TemporalInBackground connectInBackground(Config config) {
        return TemporalInBackground.once(settings(config));
    }

    private TemporalSettings settings(Config config) {
        TemporalSettings settings = TemporalSettings.from(config);
        return target == null ? settings : settings.withTarget(target);
    }
}
