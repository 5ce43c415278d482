package dev.workerhost.plugins.task.imports;

import java.io.Closeable;
import java.io.IOException;

/** Reads an import file one record at a time, so a file of any size needs only a record's worth of memory. */
public interface RecordSource extends Closeable {

    /**
     * The longest record (CSV: characters, JSON: bytes) read into memory; a longer one is an unreadable record, so
     * a quote left open or a huge element cannot pull a large file into memory.
     */
    int MAX_RECORD_LENGTH = 1 << 20;

    /**
     * The next record, or null at the end of the file.
     *
     * @throws IOException when the file cannot be read further (a retry resumes after the committed records)
     * @throws dev.workerhost.plugins.domain.InvalidDataException when the file is not in the expected format at all
     */
    SourceRecord next() throws IOException;
}
