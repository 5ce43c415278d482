package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.imports.CustomerRecordMapper;
import dev.workerhost.plugins.task.imports.EventRecordMapper;
import dev.workerhost.plugins.task.imports.FileType;
import dev.workerhost.plugins.task.imports.ImportFiles;
import dev.workerhost.plugins.task.imports.RecordSource;
import dev.workerhost.plugins.task.models.EntityType;
import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.persistence.CustomerWriter;
import dev.workerhost.plugins.task.persistence.TaskRepository;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.LongConsumer;

/** Imports a claimed task's file: picks the reader for its file type and the rows for its entity type. */
public final class TaskImporter {

    private final ImportFiles files;
    private final ChunkedImport chunks;

    public TaskImporter(ImportFiles files, Transactions transactions, TaskRepository tasks, int chunkSize,
            ImportMeters meters) {
        this.files = files;
        this.chunks = new ChunkedImport(transactions, tasks, chunkSize, meters);
    }

    /**
     * @throws dev.workerhost.plugins.domain.PermanentException if the task cannot be imported as it is
     * @throws IOException if the file could not be read to its end; a retry resumes after the committed records
     */
    ImportProgress run(Task task, LongConsumer committed) throws IOException {
        EntityType entityType = EntityType.of(task.entityType()).orElseThrow(() -> new InvalidDataException(
                "unsupported entity type " + task.entityType(), "set the task's entity_type to EVENTS or CUSTOMERS"));
        FileType fileType = FileType.of(task.fileType(), task.fileName(), task.fileUrl());
        try (InputStream input = files.open(task.fileUrl()); RecordSource source = fileType.open(input)) {
            return entityType == EntityType.EVENTS
                    ? chunks.run(task, source, new EventSink(
                            new EventRecordMapper(task.id(), Instant.now())), committed)
                    : chunks.run(task, source, new CustomerSink(
                            new CustomerRecordMapper(), new CustomerWriter()), committed);
        } catch (IOException e) {
            throw new IOException("cannot read " + task.fileUrl() + ": " + e, e);
        }
    }
}
