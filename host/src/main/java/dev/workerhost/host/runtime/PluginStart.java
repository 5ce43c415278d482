package dev.workerhost.host.runtime;

import dev.workerhost.host.loading.LoadProblemExplainer;
import dev.workerhost.host.loading.LoadedPlugin;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.registry.PluginEntry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of a plugin's {@code start}, bounded by {@code host.plugin-start-timeout} and logged ("starting plugin
 * X", "plugin X started in N ms"). It runs on a daemon thread of its own, so a start that never returns holds
 * neither the host nor the process's exit: past the timeout, or when the host is stopped meanwhile, that thread is
 * interrupted and left behind.
 */
final class PluginStart {

    private static final Logger LOG = LoggerFactory.getLogger(PluginStart.class);

    private PluginStart() {
    }

    /**
     * @return how long the start took
     * @throws PluginStartException with the cause to record when start threw or did not finish in time
     * @throws InterruptedException if the host is stopped while the plugin starts
     */
    static Duration run(PluginEntry entry, Duration timeout) throws PluginStartException, InterruptedException {
        LoadedPlugin plugin = entry.plugin().orElseThrow();
        FutureTask<Void> start = new FutureTask<>(() -> {
            try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) {
                plugin.module().start(entry.context().orElseThrow());
            }
            return null;
        });
        Thread thread = new Thread(start, "plugin-start-" + plugin.name());
        thread.setDaemon(true);
        LOG.info("starting plugin {}", plugin.name());
        long began = System.nanoTime();
        thread.start();
        try {
            start.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PluginStartException("start failed: " + LoadProblemExplainer.describe(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            TimeoutException stuck = new TimeoutException("where the start of plugin " + plugin.name() + " was");
            stuck.setStackTrace(thread.getStackTrace());
            start.cancel(true);
            throw new PluginStartException("start did not finish within " + describe(timeout)
                    + " (host.plugin-start-timeout): start must not block; run long work in a workflow or on a "
                    + "thread of the plugin's own", stuck);
        } catch (InterruptedException e) {
            start.cancel(true);
            throw e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        LOG.info("plugin {} started in {} ms", plugin.name(), took.toMillis());
        return took;
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** A plugin's start threw or took too long; the message is the cause to record. */
    static final class PluginStartException extends Exception {

        private static final long serialVersionUID = 1L;

        PluginStartException(String cause, Throwable error) {
            super(cause, error);
        }
    }
}
