package dev.workerhost.host.loading;

import java.util.concurrent.Callable;

/**
 * Runs a call into plugin code with the plugin's class loader as the thread's context class loader, so libraries
 * that look classes or resources up through it (ServiceLoader, Jackson modules, JDBC drivers) find the plugin's own.
 */
public final class ContextClassLoader {

    private ContextClassLoader() {
    }

    /** A call into plugin code that may throw anything. */
    @FunctionalInterface
    public interface PluginCall {
        void run() throws Exception;
    }

    public static <T> T call(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public static void run(ClassLoader loader, PluginCall call) throws Exception {
        call(loader, () -> {
            call.run();
            return null;
        });
    }
}
