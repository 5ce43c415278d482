package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.task.imports.RecordSource;
import dev.workerhost.plugins.task.imports.SourceRecord;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads and maps the next chunk of records on a thread of its own while the caller writes the current one, so
 * parsing (CSV, times, JSON) overlaps the database's work instead of adding to it. At most one chunk waits ahead:
 * memory stays at three chunks, whatever the file's size. Chunks come out in file order, each once.
 */
final class ChunkReader<R> implements AutoCloseable {

    /** What the reading thread hands over: a chunk, the end of the file, or why reading stopped. */
    private sealed interface Handover<R> {
    }

    private record Chunk<R>(ImportChunk<R> chunk) implements Handover<R> {
    }

    private record End<R>() implements Handover<R> {
    }

    private record Failure<R>(Throwable cause) implements Handover<R> {
    }

    private final BlockingQueue<Handover<R>> ready = new ArrayBlockingQueue<>(1);
    private final Thread thread;

    ChunkReader(RecordSource source, RowSink<R> sink, int chunkSize, String name) {
        this.thread = new Thread(() -> read(source, sink, chunkSize), name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The next chunk, or null after the last one.
     *
     * @throws IOException when the file could not be read further
     */
    ImportChunk<R> next() throws IOException {
        Handover<R> next;
        try {
            next = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the next records", e);
        }
        if (next instanceof Chunk<R> chunk) {
            return chunk.chunk();
        }
        if (next instanceof Failure<R> failure) {
            // Thrown as the reading thread met it: IOException, a RuntimeException (InvalidDataException) or Error.
            if (failure.cause() instanceof IOException e) {
                throw e;
            }
            if (failure.cause() instanceof Error e) {
                throw e;
            }
            throw (RuntimeException) failure.cause();
        }
        return null;
    }

    /**
     * Stops reading ahead. The thread ends at its next hand-over, or when the caller closes the source under a read
     * that blocks.
     */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void read(RecordSource source, RowSink<R> sink, int chunkSize) {
        try {
            SourceRecord record;
            do {
                ImportChunk<R> chunk = new ImportChunk<>();
                record = null;
                while (chunk.size() < chunkSize && (record = source.next()) != null) {
                    chunk.add(record, sink);
                }
                if (chunk.size() > 0) {
                    ready.put(new Chunk<>(chunk));
                }
            } while (record != null);
            ready.put(new End<>());
        } catch (InterruptedException e) {
            // close(): the caller wants no more chunks.
        } catch (Throwable e) {
            // Everything, Errors included: the caller waits for a hand-over and must learn that none will come.
            try {
                ready.put(new Failure<>(e));
            } catch (InterruptedException closed) {
                // The caller has stopped reading: nobody is left to tell.
            }
        }
    }
}
