package dev.workerhost.plugins.task.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by commas, quoted fields that hold commas, doubled
 * quotes and line breaks, records ended by LF, CRLF or CR. A leading byte order mark is dropped. It keeps the line
 * each record starts on. A record longer than {@link RecordSource#MAX_RECORD_LENGTH} characters is read to its end
 * without keeping its fields, so that a quote left open cannot pull the rest of a large file into memory.
 */
final class CsvParser {

    /**
     * A record's raw fields, the line it starts on, and whether its last quoted field was closed; a record longer
     * than the limit has no fields.
     */
    record RawRecord(long line, List<String> fields, boolean quotesClosed, boolean tooLong) {

        /** An empty line: not a record at all. */
        boolean blank() {
            return quotesClosed && !tooLong && fields.size() == 1 && fields.get(0).isEmpty();
        }
    }
    private static final int BYTE_ORDER_MARK = '\uFEFF';
    private static final int NONE = -2;

    private final Reader reader;
    private long line = 1;
    private boolean previousWasCarriageReturn;
    private int pushedBack = NONE;
    private boolean atStart = true;

    CsvParser(Reader reader) {
        this.reader = reader;
    }

    /** The next record, or null at the end of the text. */
    RawRecord next() throws IOException {
        int c = read();
        if (atStart) {
            atStart = false;
            if (c == BYTE_ORDER_MARK) {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        long recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean fieldStart = true;
        long length = 0;
        while (c != -1) {
            boolean keep = ++length <= RecordSource.MAX_RECORD_LENGTH;
            if (length == RecordSource.MAX_RECORD_LENGTH + 1L) {
                // Too long: read on to the record's end, keeping nothing of it.
                fields.clear();
                field = new StringBuilder();
            }
            if (inQuotes) {
                if (c != '"') {
                    append(field, c, keep);
                } else {
                    int following = read();
                    if (following == '"') {
                        append(field, '"', keep);
                    } else {
                        inQuotes = false;
                        c = following;
                        continue;
                    }
                }
            } else if (c == ',') {
                if (keep) {
                    fields.add(field.toString());
                    field.setLength(0);
                }
                fieldStart = true;
                c = read();
                continue;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                break;
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
            } else {
                // Lenient outside quotes: a stray quote inside an unquoted field is kept as text.
                append(field, c, keep);
            }
            fieldStart = false;
            c = read();
        }
        boolean tooLong = length > RecordSource.MAX_RECORD_LENGTH;
        if (!tooLong) {
            fields.add(field.toString());
        }
        return new RawRecord(recordLine, fields, !inQuotes, tooLong);
    }

    private static void append(StringBuilder field, int c, boolean keep) {
        if (keep) {
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != NONE) {
            int c = pushedBack;
            pushedBack = NONE;
            return c;
        }
        int c = reader.read();
        // A line ends at LF, CRLF or a lone CR; the LF of a CRLF does not start another line.
        if (c == '\r' || (c == '\n' && !previousWasCarriageReturn)) {
            line++;
        }
        previousWasCarriageReturn = c == '\r';
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
