package dev.workerhost.plugins.task.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/** The formats an import file may have ({@code file_type}), each with its reader. */
public enum FileType {
    CSV,
    JSON;

    /**
     * The task's {@code file_type}, or when that is empty the extension of its file name, else of its URL's path.
     *
     * @throws ImportFailure if the type is not CSV or JSON, or cannot be told
     */
    public static FileType of(String fileType, String fileName, String fileUrl) {
        if (fileType != null && !fileType.isBlank()) {
            try {
                return valueOf(fileType.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportFailure("unsupported file type " + fileType + ": use CSV or JSON");
            }
        }
        for (String name : new String[] {fileName, pathOf(fileUrl)}) {
            String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".csv")) {
                return CSV;
            }
            if (lower.endsWith(".json")) {
                return JSON;
            }
        }
        throw new ImportFailure("cannot tell the file type of " + fileUrl
                + " from its name: set the task's file_type to CSV or JSON");
    }

    public RecordSource open(InputStream input) throws IOException {
        return this == CSV ? new CsvRecordSource(input) : new JsonRecordSource(input);
    }

    private static String pathOf(String url) {
        try {
            return URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
