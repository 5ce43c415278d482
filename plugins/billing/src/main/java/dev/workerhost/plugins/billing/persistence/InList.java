package dev.workerhost.plugins.billing.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * A parameter list {@code (?, ?, ...)} for {@code column IN}: how a page of subscriptions is read or written with one
 * statement on H2 and PostgreSQL alike.
 */
final class InList {

    private InList() {
    }

    static String of(int size) {
        return "(" + String.join(", ", Collections.nCopies(size, "?")) + ")";
    }

    /** Binds {@code values} from {@code first} on; returns the next free index. */
    static int bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        int index = first;
        for (String value : values) {
            statement.setString(index++, value);
        }
        return index;
    }
}
