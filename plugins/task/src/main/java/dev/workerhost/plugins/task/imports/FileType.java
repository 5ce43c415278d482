package dev.workerhost.plugins.task.imports;

import dev.workerhost.plugins.domain.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;

/** The formats an import file may have ({@code file_type}), each with its reader. */
public enum FileType {
    CSV,
    JSON;

    private static final String SET_FILE_TYPE = "set the task's file_type to CSV or JSON";

    /**
     * The task's {@code file_type}, or when that is empty the extension of its file name, else of its URL's path.
     *
     * @throws InvalidDataException if the type is not CSV or JSON, or cannot be told
     */
    public static FileType of(String fileType, String fileName, String fileUrl) {
        if (fileType != null && !fileType.isBlank()) {
            try {
                return valueOf(fileType.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidDataException("unsupported file type " + fileType, SET_FILE_TYPE);
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
        throw new InvalidDataException("cannot tell the file type of " + fileUrl + " from its name", SET_FILE_TYPE);
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
