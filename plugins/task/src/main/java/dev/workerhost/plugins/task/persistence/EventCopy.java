package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.task.models.EventRow;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a chunk of events into PostgreSQL with {@code COPY events FROM STDIN} in the binary format: the bulk path
 * that {@code psql \copy} takes (one statement, the server's multi-row heap inserts), without the server parsing
 * text (times go as microseconds). COPY has no ON CONFLICT, so it runs in a savepoint: when an event's id is already
 * there (a rerun of a failed task, ids the file gives twice or that another import wrote), the chunk goes again as
 * insert statements that skip existing ids. A first import, and a resumed one (a chunk commits whole or not at all),
 * meets no existing id and stays on COPY.
 */
final class EventCopy implements EventWriter {

    static final EventCopy INSTANCE = new EventCopy();

    private static final String COPY = "COPY events (" + EventInserts.COLUMNS + ") FROM STDIN (FORMAT binary)";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final short FIELDS = 10;
    /** The binary format's signature, then its flags and header extension length (none). */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL counts time in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    /** Bytes gathered before they are sent: enough to keep the socket busy, little heap. */
    private static final int SEND_BYTES = 64 * 1024;

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
            byte[] tenant = scope.tenantId().getBytes(StandardCharsets.UTF_8);
            byte[] environment = scope.environmentId().getBytes(StandardCharsets.UTF_8);
            long ingestedAt = micros(now);
            Tuples tuples = new Tuples();
            tuples.bytes(HEADER);
            for (EventRow event : events) {
                tuples.int16(FIELDS);
                tuples.text(event.id());
                tuples.field(tenant);
                tuples.field(environment);
                tuples.text(event.eventName());
                tuples.text(event.externalCustomerId());
                tuples.text(event.customerId());
                tuples.time(micros(event.timestamp()));
                tuples.text(event.source());
                tuples.text(event.propertiesJson());
                tuples.time(ingestedAt);
                if (tuples.size >= SEND_BYTES) {
                    tuples.sendTo(copy);
                }
            }
            tuples.int16((short) -1);
            tuples.sendTo(copy);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Microseconds since PostgreSQL's epoch, rounded half up as the driver rounds a bound time. Beyond a long's
     * range is a data error like the server's own for times out of its range (both SQLState 22008).
     */
    private static long micros(Instant instant) throws SQLDataException {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECOND, 1_000_000L),
                    (instant.getNano() + 500) / 1000);
        } catch (ArithmeticException e) {
            throw new SQLDataException("timestamp out of range: " + instant, "22008");
        }
    }

    /** Tuples in COPY's binary format (big-endian; each field its length, -1 for null, then its bytes). */
    private static final class Tuples {

        private byte[] buffer = new byte[SEND_BYTES + 1024];
        private int size;

        void int16(short value) {
            room(2);
            buffer[size++] = (byte) (value >> 8);
            buffer[size++] = (byte) value;
        }

        void int32(int value) {
            room(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (value >> shift);
            }
        }

        void time(long micros) {
            int32(Long.BYTES);
            room(Long.BYTES);
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[size++] = (byte) (micros >> shift);
            }
        }

        /** A text field; a NUL goes as it is and the server refuses it (SQLState 22021), as it does when bound. */
        void text(String value) {
            if (value == null) {
                int32(-1);
            } else {
                field(value.getBytes(StandardCharsets.UTF_8));
            }
        }

        void field(byte[] value) {
            int32(value.length);
            bytes(value);
        }

        void bytes(byte[] value) {
            room(value.length);
            System.arraycopy(value, 0, buffer, size, value.length);
            size += value.length;
        }

        void sendTo(CopyIn copy) throws SQLException {
            copy.writeToCopy(buffer, 0, size);
            size = 0;
        }

        private void room(int bytes) {
            if (size + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
            }
        }
    }
}
