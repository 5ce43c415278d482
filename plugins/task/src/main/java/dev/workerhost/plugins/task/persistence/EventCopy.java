package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.models.EventRow;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a chunk of events into PostgreSQL with {@code COPY events FROM STDIN}, the bulk path that {@code psql
 * \copy} takes: one statement, no per-row parameters, the server's multi-row heap inserts. COPY has no ON CONFLICT,
 * so it runs in a savepoint: when an event's id is already there (a rerun of a failed task, ids the file gives
 * twice or that another import wrote), the chunk goes again as insert statements that skip existing ids. A first
 * import, and a resumed one (a chunk commits whole or not at all), meets no existing id and stays on COPY.
 */
final class EventCopy implements EventWriter {

    static final EventCopy INSTANCE = new EventCopy();

    private static final String COPY = "COPY events (" + EventInserts.COLUMNS + ") FROM STDIN";
    private static final String UNIQUE_VIOLATION = "23505";
    /** Characters of COPY text gathered before they are sent: large enough to keep the socket busy, small in heap. */
    private static final int SEND_CHARS = 64 * 1024;

    private EventCopy() {
    }

    @Override
    public void insertIfAbsent(Connection connection, Scope scope, List<EventRow> events, Instant now)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // The chunk's transaction holds its rows and the task's counters together, so losing it in a server
            // crash loses both: the import resumes before that chunk and writes it again. Its commit need not wait
            // for the disk, and the database goes on with the next chunk meanwhile. The task's final state is
            // committed synchronously, and flushes every chunk before it.
            statement.execute("SET LOCAL synchronous_commit = off");
        }
        Savepoint beforeCopy = connection.setSavepoint();
        try {
            copy(connection, scope, events, now);
            connection.releaseSavepoint(beforeCopy);
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeCopy);
            EventInserts.INSTANCE.insertIfAbsent(connection, scope, events, now);
        }
    }

    private static void copy(Connection connection, Scope scope, List<EventRow> events, Instant now)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            String ingestedAt = now.toString();
            StringBuilder text = new StringBuilder(SEND_CHARS + 1024);
            for (EventRow event : events) {
                field(text, event.id()).append('\t');
                field(text, scope.tenantId()).append('\t');
                field(text, scope.environmentId()).append('\t');
                field(text, event.eventName()).append('\t');
                field(text, event.externalCustomerId()).append('\t');
                field(text, event.customerId()).append('\t');
                text.append(event.timestamp()).append('\t');
                field(text, event.source()).append('\t');
                field(text, event.propertiesJson()).append('\t');
                text.append(ingestedAt).append('\n');
                if (text.length() >= SEND_CHARS) {
                    send(copy, text);
                }
            }
            send(copy, text);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * A value in COPY's text format: null is {@code \N}; backslash, tab, line feed and carriage return are escaped.
     * Other characters go as they are (a NUL makes the server refuse the chunk, SQLState 22021, like a NUL bound to
     * an insert does for its row).
     */
    private static StringBuilder field(StringBuilder text, String value) {
        if (value == null) {
            return text.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return text;
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
