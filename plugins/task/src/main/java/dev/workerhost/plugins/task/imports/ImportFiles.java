package dev.workerhost.plugins.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Opens a task's {@code file_url} as a stream: {@code file:} from the local file system, {@code http:} and
 * {@code https:} with the JDK's HTTP client. A file that is not there fails the task; a server that cannot be
 * reached or answers with an error is an {@link IOException}, which the activity's retries cover.
 */
public final class ImportFiles {

    private final HttpClient http;

    public ImportFiles(Duration connectTimeout) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public InputStream open(String fileUrl) throws IOException {
        URI uri = parse(fileUrl);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return openFile(uri, fileUrl);
            case "http":
            case "https":
                return download(uri, fileUrl);
            default:
                throw new ImportFailure("unsupported file URL " + fileUrl + ": use a file:, http: or https: URL");
        }
    }

    private static InputStream openFile(URI uri, String fileUrl) throws IOException {
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new ImportFailure("invalid file URL " + fileUrl + ": " + e.getMessage()
                    + " (use an absolute path, e.g. file:///data/events.csv)");
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ImportFailure("file not found: " + fileUrl);
        }
    }

    private InputStream download(URI uri, String fileUrl) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while downloading " + fileUrl);
        } catch (IOException e) {
            throw new IOException("cannot download " + fileUrl + ": " + describe(e), e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        response.body().close();
        if (status == 404 || status == 410) {
            throw new ImportFailure("file not found: " + fileUrl + " (HTTP " + status + ")");
        }
        throw new IOException("cannot download " + fileUrl + ": HTTP " + status);
    }

    private static URI parse(String fileUrl) {
        try {
            return new URI(fileUrl);
        } catch (java.net.URISyntaxException e) {
            throw new ImportFailure("invalid file URL " + fileUrl + ": " + e.getMessage());
        }
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
