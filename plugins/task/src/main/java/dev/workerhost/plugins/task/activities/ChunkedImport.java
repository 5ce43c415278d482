package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.SqlErrors;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.imports.RecordSource;
import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.persistence.TaskRepository;
import java.io.IOException;
import java.time.Instant;
import java.util.function.LongConsumer;

/**
 * Reads a task's records and writes them in chunks. Each chunk's rows commit in one transaction with the task's
 * counters, which are also the resume position: whatever interrupts the import, the database holds whole chunks
 * and counters that match them, and the next run skips exactly the records they cover. When the database refuses a
 * chunk for the values of some row, the chunk is written again row by row, so only the refused rows fail. The
 * next chunk is read while one is written ({@link ChunkReader}).
 */
final class ChunkedImport {

    private final Transactions transactions;
    private final TaskRepository tasks;
    private final int chunkSize;
    private final ImportMeters meters;

    ChunkedImport(Transactions transactions, TaskRepository tasks, int chunkSize, ImportMeters meters) {
        this.transactions = transactions;
        this.tasks = tasks;
        this.chunkSize = chunkSize;
        this.meters = meters;
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
        try (ChunkReader<R> reader = new ChunkReader<>(source, sink, chunkSize, "task-import-" + task.id())) {
            ImportChunk<R> chunk;
            while ((chunk = reader.next()) != null) {
                ImportProgress before = progress;
                progress = commit(task, before, chunk, sink);
                committed.accept(progress.processedRecords());
                meters.record(sink.entityType(), progress.successfulRecords() - before.successfulRecords(),
                        progress.failedRecords() - before.failedRecords());
            }
        }
        return progress;
    }

    private <R> ImportProgress commit(Task task, ImportProgress before, ImportChunk<R> chunk, RowSink<R> sink) {
        Instant now = Instant.now();
        ImportProgress after = chunk.appliedTo(before);
        try {
            transactions.inTransaction(connection -> {
                // The task row first: its lock keeps a second run of this import from committing the same chunk.
                tasks.saveProgress(connection, task, before, after, now);
                sink.write(connection, task.scope(), chunk.rows(), now);
                return null;
            });
            return after;
        } catch (DataAccessException e) {
            if (!SqlErrors.isDataError(e.sqlException())) {
                throw e;
            }
        }
        return transactions.inTransaction(connection -> {
            tasks.saveProgress(connection, task, before, after, now);
            chunk.writeRowByRow(connection, task.scope(), sink, now);
            ImportProgress corrected = chunk.appliedTo(before);
            tasks.saveProgress(connection, task, after, corrected, now);
            return corrected;
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
