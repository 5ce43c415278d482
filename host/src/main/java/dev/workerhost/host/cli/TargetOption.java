package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.temporal.TemporalConnector;
import dev.workerhost.host.temporal.TemporalSettings;
import io.temporal.client.WorkflowClient;
import picocli.CommandLine.Option;

/** {@code --target HOST:PORT}, by default {@code temporal.target} ({@code embedded}: 127.0.0.1:embedded.port). */
final class TargetOption {

    @Option(names = "--target", paramLabel = "HOST:PORT",
            description = "The Temporal frontend (default: temporal.target of the configuration).")
    String target;

    WorkflowClient connect(Config config) {
        TemporalSettings settings = TemporalSettings.from(config);
        return new TemporalConnector(target == null ? settings : settings.withTarget(target)).connectOnce();
    }
}
