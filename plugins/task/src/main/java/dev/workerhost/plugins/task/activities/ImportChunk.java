package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlErrors;
import dev.workerhost.plugins.task.imports.InvalidRecordException;
import dev.workerhost.plugins.task.imports.SourceRecord;
import dev.workerhost.plugins.task.models.ErrorText;
import dev.workerhost.plugins.task.models.ImportProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The records of one chunk in file order, each either a row to write or the reason it failed. The progress a chunk
 * adds is computed from them, so a record the database refuses counts as a failed record at its own line.
 */
final class ImportChunk<R> {

    /** A record of the chunk: {@code row} when it can be written, else {@code error}. */
    private record Entry<R>(long line, R row, String error) {
    }

    private static final Pattern QUOTED_VALUE = Pattern.compile("('[^']{" + ErrorText.VALUE_CHARS + "})[^']+'?");

    private final List<Entry<R>> entries = new ArrayList<>();

    void add(SourceRecord record, RowSink<R> sink) {
        if (!record.readable()) {
            entries.add(new Entry<>(record.line(), null, record.error()));
            return;
        }
        try {
            entries.add(new Entry<>(record.line(), sink.map(record), null));
        } catch (InvalidRecordException e) {
            entries.add(new Entry<>(record.line(), null, e.getMessage()));
        }
    }

    int size() {
        return entries.size();
    }

    List<R> rows() {
        return entries.stream().filter(entry -> entry.error() == null).map(Entry::row).toList();
    }

    long failed() {
        return entries.stream().filter(entry -> entry.error() != null).count();
    }

    ImportProgress appliedTo(ImportProgress before) {
        ImportProgress progress = before;
        for (Entry<R> entry : entries) {
            progress = entry.error() == null ? progress.withSuccess() : progress.withFailure(entry.line(), entry.error());
        }
        return progress;
    }

    /**
     * Writes the rows one at a time, each in a savepoint of the caller's transaction: a row the database refuses for
     * its values (SQLState class 22 or 23) is rolled back alone and becomes a row error; any other error ends the
     * transaction.
     */
    void writeRowByRow(Connection connection, Scope scope, RowSink<R> sink, Instant now) throws SQLException {
        for (int i = 0; i < entries.size(); i++) {
            Entry<R> entry = entries.get(i);
            if (entry.error() != null) {
                continue;
            }
            Savepoint beforeRow = connection.setSavepoint();
            try {
                sink.writeOne(connection, scope, entry.row(), now);
                connection.releaseSavepoint(beforeRow);
            } catch (SQLException e) {
                if (!SqlErrors.isDataError(e)) {
                    throw e;
                }
                connection.rollback(beforeRow);
                entries.set(i, new Entry<>(entry.line(), null, refusal(e)));
            }
        }
    }

    /** Why the database refused a row, from the innermost error of a batch, without the SQL statement. */
    private static String refusal(SQLException e) {
        SQLException innermost = e;
        while (innermost.getNextException() != null) {
            innermost = innermost.getNextException();
        }
        String message = String.valueOf(innermost.getMessage());
        int statement = message.indexOf("; SQL statement:");
        message = (statement >= 0 ? message.substring(0, statement) : message).lines().findFirst().orElse("");
        if (message.startsWith("ERROR: ")) {
            message = message.substring("ERROR: ".length());
        }
        // H2 quotes the refused value: keep an excerpt of it.
        message = QUOTED_VALUE.matcher(message).replaceAll("$1...");
        return "the row cannot be stored: " + message + " (SQLState " + innermost.getSQLState() + ")";
    }
}
