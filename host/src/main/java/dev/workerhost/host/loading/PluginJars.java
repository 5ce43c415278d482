package dev.workerhost.host.loading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a plugin's jars before its class loader opens them: each must be a jar (zip) file, and a jar that bundles
 * classes of a package the host shares earns a warning, since the host's copy is the one loaded and the bundled one
 * is shadowed (a plugin that bundles temporal-sdk runs on the host's Temporal, whatever version it brings).
 */
final class PluginJars {

    private static final String MULTI_RELEASE = "META-INF/versions/";

    private PluginJars() {
    }

    /**
     * @return one warning per jar that bundles shared packages, naming the jar and the packages
     * @throws PluginLoadException if a jar is not a zip file or cannot be read
     */
    static List<String> check(PluginSource source) throws PluginLoadException {
        List<String> warnings = new ArrayList<>();
        for (URL url : source.jars()) {
            Path jar = path(url);
            TreeSet<String> shadowed = new TreeSet<>();
            classNames(source, jar).forEach(name -> SharedPackages.packageOf(name).ifPresent(shadowed::add));
            if (!shadowed.isEmpty()) {
                warnings.add(jar.getFileName() + " bundles " + String.join(", ", shadowed) + ", which the host "
                        + "shares: the host's classes are loaded and these are shadowed; mark the dependency "
                        + "provided so the plugin's folder leaves it out");
            }
        }
        return warnings;
    }

    private static List<String> classNames(PluginSource source, Path jar) throws PluginLoadException {
        if (Files.isDirectory(jar)) {
            return classNamesInFolder(jar);
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).map(PluginJars::className).flatMap(Optional::stream).toList();
        } catch (ZipException e) {
            throw new PluginLoadException(source.location(), jar.getFileName() + " is not a jar (zip) file ("
                    + e.getMessage() + "): rebuild it, or remove it from the plugins folder", e);
        } catch (IOException e) {
            throw new PluginLoadException(source.location(), "cannot read " + jar + ": " + e.getMessage(), e);
        }
    }

    /** A folder of classes on a plugin's class path, as a test kit may put a plugin's build output. */
    private static List<String> classNamesInFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(file -> folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"))
                    .map(PluginJars::className).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Optional<String> className(String entryName) {
        String name = entryName;
        if (name.startsWith(MULTI_RELEASE)) {
            int versionEnd = name.indexOf('/', MULTI_RELEASE.length());
            name = versionEnd < 0 ? "" : name.substring(versionEnd + 1);
        }
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
            return Optional.empty();
        }
        return Optional.of(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
    }

    private static Path path(URL jar) {
        try {
            return Path.of(jar.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot address " + jar, e);
        }
    }
}
