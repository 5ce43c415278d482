package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and writes invoices. A subscription has at most one invoice per period start (constraint
 * {@code invoices_period_uq}); a concurrent writer that loses the race gets a unique violation, see
 * {@link #isDuplicate}.
 */
public final class InvoiceWriter {

    /** SQLState of a unique violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    public Optional<String> findId(Connection connection, String subscriptionId, Instant periodStart)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM invoices WHERE subscription_id = ? AND period_start = ?")) {
            statement.setString(1, subscriptionId);
            SqlTimes.set(statement, 2, periodStart);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The period starts that already have an invoice, of each of {@code subscriptionIds} (by id); one statement.
     */
    public Map<String, Set<Instant>> periodStarts(Connection connection, List<String> subscriptionIds)
            throws SQLException {
        Map<String, Set<Instant>> starts = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return starts;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT subscription_id, period_start"
                + " FROM invoices WHERE subscription_id IN " + InList.of(subscriptionIds.size()))) {
            InList.bind(statement, 1, subscriptionIds);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    starts.computeIfAbsent(rows.getString(1), id -> new HashSet<>())
                            .add(SqlTimes.get(rows, "period_start"));
                }
            }
        }
        return starts;
    }

    /** Inserts the invoice and its lines; call inside one transaction so they appear together or not at all. */
    public void insert(Connection connection, Invoice invoice) throws SQLException {
        insertAll(connection, List.of(invoice));
    }

    /** Inserts the invoices and their lines in two batches; call inside one transaction. */
    public void insertAll(Connection connection, List<Invoice> invoices) throws SQLException {
        if (invoices.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO invoices (id, tenant_id,"
                + " environment_id, customer_id, subscription_id, period_start, period_end, currency, subtotal, total,"
                + " invoice_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Invoice invoice : invoices) {
                statement.setString(1, invoice.id());
                statement.setString(2, invoice.scope().tenantId());
                statement.setString(3, invoice.scope().environmentId());
                statement.setString(4, invoice.customerId());
                statement.setString(5, invoice.subscriptionId());
                SqlTimes.set(statement, 6, invoice.period().start());
                SqlTimes.set(statement, 7, invoice.period().end());
                statement.setString(8, invoice.currency());
                statement.setBigDecimal(9, invoice.total());
                statement.setBigDecimal(10, invoice.total());
                statement.setString(11, Invoice.STATUS);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO invoice_line_items (id,"
                + " invoice_id, line_item_id, price_id, meter_id, display_name, quantity, amount, period_start,"
                + " period_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (Invoice invoice : invoices) {
                for (InvoiceLine line : invoice.lines()) {
                    statement.setString(1, line.id());
                    statement.setString(2, invoice.id());
                    statement.setString(3, line.lineItemId());
                    statement.setString(4, line.priceId());
                    statement.setString(5, line.meterId());
                    statement.setString(6, line.displayName());
                    statement.setBigDecimal(7, line.quantity());
                    statement.setBigDecimal(8, line.amount());
                    SqlTimes.set(statement, 9, line.period().start());
                    SqlTimes.set(statement, 10, line.period().end());
                    statement.addBatch();
                    any = true;
                }
            }
            if (any) {
                statement.executeBatch();
            }
        }
    }

    /** Whether a write failed because the period's invoice was written meanwhile by someone else. */
    public static boolean isDuplicate(DataAccessException e) {
        return e.getCause() instanceof SQLException
                && UNIQUE_VIOLATION.equals(((SQLException) e.getCause()).getSQLState());
    }
}
