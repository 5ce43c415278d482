package dev.workerhost.host.cli;

import dev.workerhost.host.loading.PluginLoader;
import dev.workerhost.spi.SpiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code worker-host --version}: the host's version, the SPI it serves, the Temporal SDK and the Java runtime. */
final class HostVersions implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "worker-host " + hostVersion(),
            "SPI " + SpiVersion.CURRENT + " (serves plugins built against " + PluginLoader.servedSpiVersions() + ")",
            "Temporal Java SDK " + io.temporal.serviceclient.Version.LIBRARY_VERSION,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** Written into the jar by the build (resource filtering), so it is right in a test run too. */
    static String hostVersion() {
        Properties properties = new Properties();
        try (InputStream in = HostVersions.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the host jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("host");
    }
}
