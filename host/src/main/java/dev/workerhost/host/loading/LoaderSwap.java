package dev.workerhost.host.loading;

/**
 * Makes a class loader the thread's context class loader until {@link #close()} puts the previous one back:
 * {@code try (LoaderSwap swap = LoaderSwap.to(plugin.loader())) { plugin code }}. Every call into plugin code runs
 * inside one, so libraries that look classes or resources up through the context class loader (ServiceLoader,
 * Jackson modules, JDBC drivers) find the plugin's own; the host swaps back to its own loader the same way.
 */
public final class LoaderSwap implements AutoCloseable {

    private final Thread thread;
    private final ClassLoader previous;

    private LoaderSwap(Thread thread, ClassLoader previous) {
        this.thread = thread;
        this.previous = previous;
    }

    public static LoaderSwap to(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        LoaderSwap swap = new LoaderSwap(thread, thread.getContextClassLoader());
        thread.setContextClassLoader(loader);
        return swap;
    }

    @Override
    public void close() {
        thread.setContextClassLoader(previous);
    }
}
