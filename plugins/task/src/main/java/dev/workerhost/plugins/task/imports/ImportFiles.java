package dev.workerhost.plugins.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Opens a task's {@code file_url} as a stream, if {@link AllowedSources} allows it: {@code file:} from the local
 * file system, {@code http:} and {@code https:} with the JDK's HTTP client, following at most
 * {@value #MAX_REDIRECTS} redirects itself so that each target is checked too. What no retry can change (a refused
 * source, a missing file, a directory, an unsupported scheme, a client error) is an {@link UnusableSourceException}; a server
 * that cannot be reached, times out or answers with a server error is an {@link IOException}, which the activity's
 * retries cover.
 */
public final class ImportFiles {

    static final int MAX_REDIRECTS = 5;

    private static final String USE_A_URL = "set the task's file_url to a file:, http: or https: URL";
    private static final String FINAL_URL = "set the task's file_url to the file's final URL";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    /** Client errors that a later attempt may not get: a timeout and a rate limit. */
    private static final Set<Integer> RETRYABLE_CLIENT_ERRORS = Set.of(408, 429);

    private final AllowedSources sources;
    private final Duration connectTimeout;
    /**
     * Built at the first download: a client loads the TLS trust store and starts a selector thread, work that an
     * import of local files, and the CLI loading this plugin to validate an input, do not need.
     */
    private HttpClient http;

    public ImportFiles(AllowedSources sources, Duration connectTimeout) {
        this.sources = sources;
        this.connectTimeout = connectTimeout;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }

    public InputStream open(String fileUrl) throws IOException {
        URI uri = parse(fileUrl);
        switch (scheme(uri)) {
            case "file":
                return openFile(uri, fileUrl);
            case "http":
            case "https":
                return download(uri);
            default:
                throw new UnusableSourceException("unsupported file URL " + fileUrl, USE_A_URL);
        }
    }

    private InputStream openFile(URI uri, String fileUrl) throws IOException {
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new UnusableSourceException("invalid file URL " + fileUrl + ": " + e.getMessage(),
                    "use an absolute path, e.g. file:///data/imports/events.csv");
        }
        Path real = sources.regularFile(path, fileUrl);
        try {
            // The checked real path has no link left; one put in its place since is not followed.
            return Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            throw new UnusableSourceException("cannot read " + fileUrl + ": permission denied",
                    "let the host's user read the file");
        }
    }

    private InputStream download(URI first) throws IOException {
        URI uri = first;
        URI from = null;
        for (int redirects = 0; ; redirects++) {
            sources.checkUrl(uri, from);
            HttpResponse<InputStream> response = send(uri);
            int status = response.statusCode();
            if (status == 200) {
                return response.body();
            }
            response.body().close();
            if (status == 404 || status == 410) {
                throw new UnusableSourceException("file not found: " + uri + " (HTTP " + status + ")",
                        "check the task's file_url");
            }
            if (status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.contains(status)) {
                throw new UnusableSourceException("cannot download " + uri + ": the server refuses it (HTTP "
                        + status + ")", "check the URL and what the server lets the host download");
            }
            if (!REDIRECTS.contains(status)) {
                throw new IOException("cannot download " + uri + ": HTTP " + status);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new UnusableSourceException("cannot download " + first + ": more than " + MAX_REDIRECTS
                        + " redirects", FINAL_URL);
            }
            URI target = redirectTarget(uri, status, response.headers().firstValue("Location"));
            from = uri;
            uri = target;
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        try {
            return http().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + uri);
        } catch (IllegalArgumentException e) {
            throw new UnusableSourceException("cannot download " + uri + ": " + e.getMessage(), USE_A_URL);
        } catch (IOException e) {
            throw new IOException("cannot download " + uri + ": " + describe(e), e);
        }
    }

    private static URI redirectTarget(URI uri, int status, Optional<String> location) {
        if (location.isEmpty()) {
            throw new UnusableSourceException(uri + " answers HTTP " + status + " without a Location to redirect to",
                    FINAL_URL);
        }
        URI target;
        try {
            target = uri.resolve(new URI(location.get()));
        } catch (URISyntaxException e) {
            throw new UnusableSourceException(uri + " redirects to an invalid URL: " + e.getMessage(), FINAL_URL);
        }
        String scheme = scheme(target);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnusableSourceException(uri + " redirects to " + target + ", which is not an http(s) URL",
                    FINAL_URL);
        }
        return target;
    }

    private static URI parse(String fileUrl) {
        try {
            return new URI(fileUrl);
        } catch (URISyntaxException e) {
            throw new UnusableSourceException("invalid file URL " + fileUrl + ": " + e.getMessage(), USE_A_URL);
        }
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
