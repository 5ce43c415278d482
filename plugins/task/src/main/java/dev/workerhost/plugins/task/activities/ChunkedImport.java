package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.imports.InvalidRecordException;
import dev.workerhost.plugins.task.imports.RecordSource;
import dev.workerhost.plugins.task.imports.SourceRecord;
import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.persistence.TaskRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads a task's records and writes them in chunks. Each chunk's rows commit in one transaction with the task's
 * counters, which are also the resume position: whatever interrupts the import, the database holds whole chunks
 * and counters that match them, and the next run skips exactly the records they cover.
 */
final class ChunkedImport {

    private final Transactions transactions;
    private final TaskRepository tasks;
    private final int chunkSize;

    ChunkedImport(Transactions transactions, TaskRepository tasks, int chunkSize) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.chunkSize = chunkSize;
    }

    /**
     * Imports the records after the task's committed position.
     *
     * @param committed told the number of records done after each commit (and while skipping), to heartbeat it
     * @return the progress once the whole file is read
     */
    <R> ImportProgress run(Task task, RecordSource source, RowSink<R> sink, LongConsumer committed)
            throws IOException {
        ImportProgress progress = task.progress();
        skipCommitted(source, progress.processedRecords(), committed);
        List<R> rows = new ArrayList<>(chunkSize);
        SourceRecord record;
        do {
            ImportProgress before = progress;
            rows.clear();
            record = null;
            int read = 0;
            while (read < chunkSize && (record = source.next()) != null) {
                progress = apply(record, sink, rows, progress);
                read++;
            }
            if (read > 0) {
                commit(task, before, progress, sink, rows);
                committed.accept(progress.processedRecords());
            }
        } while (record != null);
        return progress;
    }

    private <R> ImportProgress apply(SourceRecord record, RowSink<R> sink, List<R> rows, ImportProgress progress) {
        if (!record.readable()) {
            return progress.withFailure(record.line(), record.error());
        }
        try {
            rows.add(sink.map(record));
            return progress.withSuccess();
        } catch (InvalidRecordException e) {
            return progress.withFailure(record.line(), e.getMessage());
        }
    }

    private <R> void commit(Task task, ImportProgress before, ImportProgress after, RowSink<R> sink, List<R> rows) {
        Instant now = Instant.now();
        transactions.inTransaction(connection -> {
            // The task row first: its lock keeps a second run of this import from committing the same chunk.
            tasks.saveProgress(connection, task, before, after, now);
            sink.write(connection, task.scope(), rows, now);
            return null;
        });
    }

    private void skipCommitted(RecordSource source, long records, LongConsumer committed) throws IOException {
        for (long skipped = 0; skipped < records; skipped++) {
            if (source.next() == null) {
                throw new InvalidDataException("the file now has " + skipped + " records, fewer than the " + records
                        + " this import already committed: it changed while being imported",
                        "keep a file unchanged while it is imported; run the task again to import it afresh");
            }
            if ((skipped + 1) % chunkSize == 0) {
                committed.accept(records);
            }
        }
    }
}
