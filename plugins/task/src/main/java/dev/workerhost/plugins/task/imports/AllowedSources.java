package dev.workerhost.plugins.task.imports;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where import files may come from: {@code file:} only from inside {@code plugins.task.sources.folders}, judged by
 * the file's real path (symbolic links and {@code ..} resolved), so no link or relative step leads out of them;
 * {@code http:} and {@code https:} only under {@code plugins.task.sources.url-prefixes}. A source outside them is
 * refused before anything is read from it, so a task cannot read the host's own files or reach its internal
 * services.
 *
 * @param folders absolute folders; each is resolved to its real path when a file is checked, so a folder created
 *     or re-linked after the start counts as it is then
 */
public record AllowedSources(List<Path> folders, List<UrlPrefix> urlPrefixes) {

    public static final String FOLDERS_KEY = "plugins.task.sources.folders";

    private static final String ONE_FILE = "set the task's file_url to one CSV or JSON file";

    public AllowedSources {
        folders = List.copyOf(folders);
        urlPrefixes = List.copyOf(urlPrefixes);
        for (Path folder : folders) {
            if (!folder.isAbsolute()) {
                throw new IllegalArgumentException("import folder " + folder + " is not absolute");
            }
        }
    }

    /**
     * The real path of the regular file {@code path} names, if it lies in an allowed folder.
     *
     * @throws UnusableSourceException if it lies outside them, is missing, or is not a regular file (a missing file
     *     outside the folders is refused like an existing one, so the answer tells nothing about files out there)
     * @throws IOException if the file system could not tell
     */
    Path regularFile(Path path, String fileUrl) throws IOException {
        requireNonNull(path, "path is null");
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            if (inside(path.toAbsolutePath().normalize())) {
                throw new UnusableSourceException("file not found: " + fileUrl, "check the task's file_url");
            }
            throw refusedFile(fileUrl);
        } catch (AccessDeniedException e) {
            throw refusedFile(fileUrl);
        }
        if (!inside(real)) {
            throw refusedFile(fileUrl);
        }
        if (Files.isDirectory(real)) {
            throw new UnusableSourceException(fileUrl + " is a directory", ONE_FILE);
        }
        if (!Files.isRegularFile(real)) {
            throw new UnusableSourceException(fileUrl + " is not a regular file", ONE_FILE);
        }
        return real;
    }

    /**
     * Checks that {@code uri} may be downloaded.
     *
     * @param reachedFrom the URL that redirected to it, null for the task's own URL
     * @throws UnusableSourceException if no prefix admits it
     */
    void checkUrl(URI uri, URI reachedFrom) {
        if (urlPrefixes.stream().anyMatch(prefix -> prefix.admits(uri))) {
            return;
        }
        String what = reachedFrom == null ? uri.toString() : reachedFrom + " redirects to " + uri + ", which";
        String allowed = urlPrefixes.isEmpty() ? "none are allowed"
                : "allowed: " + urlPrefixes.stream().map(UrlPrefix::toString).collect(Collectors.joining(", "));
        throw new UnusableSourceException(what + " is not under an allowed URL prefix (" + allowed + ")",
                "add its prefix to " + UrlPrefix.KEY + " to import from there");
    }

    private boolean inside(Path absolute) throws IOException {
        for (Path folder : folders) {
            if (absolute.startsWith(folder.normalize())) {
                return true;
            }
            if (Files.isDirectory(folder) && absolute.startsWith(folder.toRealPath())) {
                return true;
            }
        }
        return false;
    }

    private UnusableSourceException refusedFile(String fileUrl) {
        String allowed = folders.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new UnusableSourceException(fileUrl + " is outside the import folders (" + allowed + ")",
                "move the file into one of them or add its folder to " + FOLDERS_KEY);
    }
}
