package dev.workerhost.plugins.task.imports;

import java.io.Closeable;
import java.io.IOException;

/** Reads an import file one record at a time, so a file of any size needs only a record's worth of memory. */
public interface RecordSource extends Closeable {

    /**
     * The next record, or null at the end of the file.
     *
     * @throws IOException when the file cannot be read further (a retry resumes after the committed records)
     * @throws ImportFailure when the file is not in the expected format at all
     */
    SourceRecord next() throws IOException;
}
