package dev.workerhost.plugins.task.imports;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One entry of {@code plugins.task.sources.url-prefixes}: an http(s) URL under which import files may be downloaded.
 * A URL is under it when scheme, host and port are the same and its path is the prefix's path or below it, segment
 * by segment ({@code /exports} admits {@code /exports/a.csv}, not {@code /exports-private/a.csv}). A URL with user
 * info or with a {@code .} or {@code ..} segment (also percent-encoded) is under no prefix.
 */
public record UrlPrefix(String scheme, String host, int port, String path) {

    public static final String KEY = "plugins.task.sources.url-prefixes";

    /** @throws IllegalArgumentException naming the key if {@code text} is not an http(s) URL with a host */
    public static UrlPrefix parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid(text, e.getReason());
        }
        String scheme = scheme(uri);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(text, "not an http: or https: URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid(text, "a prefix is scheme://host[:port][/path], without user info, query or fragment");
        }
        String path = decodedPath(uri);
        if (path == null) {
            throw invalid(text, "its path has . or .. segments");
        }
        return new UrlPrefix(scheme, uri.getHost().toLowerCase(Locale.ROOT), port(uri), path);
    }

    /** Whether {@code uri} lies under this prefix. */
    public boolean admits(URI uri) {
        if (!scheme.equals(scheme(uri)) || uri.getHost() == null || uri.getRawUserInfo() != null
                || !host.equals(uri.getHost().toLowerCase(Locale.ROOT)) || port != port(uri)) {
            return false;
        }
        String candidate = decodedPath(uri);
        if (candidate == null) {
            return false;
        }
        if (path.endsWith("/")) {
            return candidate.startsWith(path);
        }
        return candidate.equals(path) || candidate.startsWith(path + "/");
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port + path;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return scheme(uri).equals("https") ? 443 : 80;
    }

    /** The decoded path ("/" when empty), or null when one of its segments is {@code .} or {@code ..}. */
    private static String decodedPath(URI uri) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return null;
            }
        }
        return path;
    }

    private static IllegalArgumentException invalid(String text, String reason) {
        return new IllegalArgumentException(KEY + ": \"" + text + "\" is not a URL prefix (" + reason
                + "); use e.g. \"https://files.example.com/exports/\"");
    }
}
