package dev.workerhost.host.cli;

import com.typesafe.config.Config;
import dev.workerhost.host.logging.LogFormat;
import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.runtime.Host;
import dev.workerhost.host.runtime.HostStartException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code worker-host [run]}: runs the host until SIGTERM or SIGINT, then drains and exits 0. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the host until SIGTERM/SIGINT, then drain the workers and exit.")
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        Config config = options.config();
        LogFormat.from(config).apply();
        ShutdownSignals signals = ShutdownSignals.install();
        Host host;
        try {
            host = Host.start(config, options.settings(config));
        } catch (HostStartException | PermanentStartException e) {
            LOG.error(e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            LOG.info("stopped before the host was ready");
            return 0;
        }
        signals.started();
        try (host) {
            signals.await();
        }
        return 0;
    }
}
