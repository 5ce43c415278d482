package dev.workerhost.host.loading;

import dev.workerhost.spi.Json;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class loader of one plugin. The JDK's classes come from the JDK and the {@link SharedPackages} from the host,
 * so the host and the plugin agree on those types; everything else, resources included, comes from the plugin's own
 * jars, so plugins can carry different versions of one library and never see the host's other libraries.
 */
public final class PluginClassLoader extends URLClassLoader {

    private static final Logger LOG = LoggerFactory.getLogger(PluginClassLoader.class);

    private static final ClassLoader JDK = ClassLoader.getPlatformClassLoader();

    static {
        registerAsParallelCapable();
    }

    private final Path location;
    private final List<Runnable> whenClosed = new CopyOnWriteArrayList<>();

    public PluginClassLoader(Path location, List<URL> jars, ClassLoader host) {
        super("plugin:" + location.getFileName(), jars.toArray(URL[]::new), host);
        this.location = location;
        // Jackson keeps every type it has read or written, the plugin's too, for the life of the shared mapper.
        whenClosed(Json::forgetTypes);
    }

    /** The jar or folder this plugin was loaded from. */
    public Path location() {
        return location;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findJdkClass(name);
            }
            if (loaded == null) {
                loaded = SharedPackages.isShared(name) ? loadSharedClass(name) : findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    /**
     * Every class of the JDK's own modules comes from the JDK ({@code java.}, {@code javax.}, {@code jdk.}): the JVM
     * itself resolves internal classes through this loader, e.g. the {@code jdk.internal.reflect} accessors it
     * generates once a plugin's constructor has been called reflectively a few times (Jackson decoding records).
     */
    private static Class<?> findJdkClass(String name) {
        try {
            return JDK.loadClass(name);
        } catch (ClassNotFoundException notInTheJdk) {
            return null;
        }
    }

    private Class<?> loadSharedClass(String name) throws ClassNotFoundException {
        try {
            return getParent().loadClass(name);
        } catch (ClassNotFoundException hostLacksIt) {
            return findClass(name);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isSharedResource(name)) {
            URL hostResource = getParent().getResource(name);
            if (hostResource != null) {
                return hostResource;
            }
        }
        return findResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> resources = new ArrayList<>(Collections.list(findResources(name)));
        if (isSharedResource(name)) {
            resources.addAll(Collections.list(getParent().getResources(name)));
        }
        return Collections.enumeration(resources);
    }

    private static boolean isSharedResource(String resourceName) {
        return SharedPackages.isShared(resourceName.replace('/', '.'));
    }

    /**
     * Closes the plugin's jars once the host has given the plugin up (refused, failed to start, removed or replaced),
     * and runs what {@link #whenClosed} was given (the JSON configuration host and plugins share forgets the types it
     * has seen, the plugin's among them; the plugin's meters leave the registry), so that nothing of the host's holds
     * the plugin's classes and this loader can be collected. An error while
     * closing is logged, not thrown: what made the host give the plugin up is what the operator needs.
     */
    public void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.debug("cannot close the class loader of {}", location, e);
        }
        for (Runnable action : whenClosed) {
            if (whenClosed.remove(action)) {
                action.run();
            }
        }
    }

    /**
     * Runs {@code action} once, when this loader is closed: for what the host holds of the plugin's (its meters)
     * and must let go of with it.
     */
    public void whenClosed(Runnable action) {
        whenClosed.add(action);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + location + "]";
    }
}
