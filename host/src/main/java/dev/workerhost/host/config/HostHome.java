package dev.workerhost.host.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The distribution's home folder, against which relative paths in the configuration ({@code plugins}, {@code data},
 * {@code config}) resolve: the system property {@value #PROPERTY} if set; else, when the host runs from
 * {@value #HOST_JAR}, the folder holding that jar; else the current directory.
 */
public final class HostHome {

    public static final String PROPERTY = "worker.host.home";
    static final String HOST_JAR = "worker-host.jar";

    private HostHome() {
    }

    public static Path resolve() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path jar = hostJar();
        if (jar != null && jar.getFileName().toString().equals(HOST_JAR) && Files.isRegularFile(jar)) {
            return jar.toAbsolutePath().getParent();
        }
        return Path.of("").toAbsolutePath();
    }

    private static Path hostJar() {
        CodeSource source = HostHome.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
