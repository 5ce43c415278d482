package dev.workerhost.testkit;

import dev.workerhost.testkit.bridge.HostSide;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class loader of the kit's host side: the host, Temporal, gRPC, Guava, Jackson and the rest at the versions the
 * host runs with (the jars of {@value #LOCATION_PROPERTY}), whatever versions the test's class path resolved for the
 * plugin. Plugin class loaders hang below it as they hang below the host's application class loader in production.
 * From the test's class path it takes only what both sides must share: the kit's own types (except its host side,
 * {@value #HOST_SIDE_PACKAGE}), logging, Micrometer and the JDBC drivers of the test's databases. One per JVM.
 */
final class HostSideLoader extends URLClassLoader {

    /** The folder of the host side's jars; plugin builds set it (plugins/pom.xml). */
    static final String LOCATION_PROPERTY = "workerhost.testkit.host";

    private static final String HOST_SIDE_PACKAGE = "dev.workerhost.testkit.host.";
    private static final List<String> FROM_THE_TEST = List.of(
            "dev.workerhost.testkit.", "org.slf4j.", "ch.qos.logback.", "io.micrometer.", "org.h2.", "org.postgresql.");

    private static HostSide hostSide;

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader test;

    private HostSideLoader(List<URL> jars, ClassLoader test) {
        super("worker-host test kit, host side", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.test = test;
    }

    /** The host side of this JVM, loaded on first use. */
    static synchronized HostSide hostSide() {
        if (hostSide == null) {
            HostSideLoader loader = new HostSideLoader(jars(), HostSideLoader.class.getClassLoader());
            try {
                hostSide = (HostSide) loader.loadClass(HOST_SIDE_PACKAGE + "KitHostSide").getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot load the test kit's host side from " + loader, e);
            }
        }
        return hostSide;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isFromTheTest(name)) {
            return test.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private static boolean isFromTheTest(String className) {
        return !className.startsWith(HOST_SIDE_PACKAGE) && FROM_THE_TEST.stream().anyMatch(className::startsWith);
    }

    /** The host side's jars and the kit's own classes, whose package {@value #HOST_SIDE_PACKAGE} runs among them. */
    private static List<URL> jars() {
        String location = System.getProperty(LOCATION_PROPERTY);
        if (location == null) {
            throw new IllegalStateException("the test kit's host side is not set up (system property "
                    + LOCATION_PROPERTY + "): build the plugin with the parent dev.workerhost:plugin-parent, which "
                    + "unpacks dev.workerhost:testkit:zip:host into target/testkit-host and sets it for the tests");
        }
        Path folder = Path.of(location);
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the test kit's host side " + folder + " (" + LOCATION_PROPERTY
                    + "): run the build's test-compile phase first, which unpacks it", e);
        }
        jars.add(kitLocation());
        return jars;
    }

    private static URL kitLocation() {
        try {
            return Path.of(HostSideLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toUri().toURL();
        } catch (URISyntaxException | MalformedURLException e) {
            throw new IllegalStateException("cannot locate the test kit's own classes", e);
        }
    }

    @Override
    public String toString() {
        return "HostSideLoader" + List.of(getURLs());
    }
}
