package dev.workerhost.plugins.task.persistence;

import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Seeds the demo tenant's pending import of the sample events file, the task that
 * {@code examples/TaskProcessingWorkflow.json} runs. Only when it is absent: a later start must not make an
 * imported demo task pending again.
 */
public final class DemoTaskSeeder {

    public static final String TASK_ID = "task_demo_events";

    /** SQLState of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions transactions;

    public DemoTaskSeeder(Transactions transactions) {
        this.transactions = transactions;
    }

    /** @return whether the task was inserted (false: it was there already) */
    public boolean seed(String fileUrl, String fileName) {
        try {
            return transactions.inTransaction(connection -> {
                try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM tasks WHERE id = ?")) {
                    query.setString(1, TASK_ID);
                    try (ResultSet row = query.executeQuery()) {
                        if (row.next()) {
                            return false;
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tasks (id, tenant_id,"
                        + " environment_id, task_type, entity_type, file_url, file_name, file_type, task_status)"
                        + " VALUES (?, ?, ?, 'IMPORT', 'EVENTS', ?, ?, 'CSV', 'PENDING')")) {
                    insert.setString(1, TASK_ID);
                    insert.setString(2, DemoData.SCOPE.tenantId());
                    insert.setString(3, DemoData.SCOPE.environmentId());
                    insert.setString(4, fileUrl);
                    insert.setString(5, fileName);
                    insert.executeUpdate();
                }
                return true;
            });
        } catch (DataAccessException e) {
            // Another host seeded it between our look and our insert.
            if (e.getCause() instanceof SQLException
                    && UNIQUE_VIOLATION.equals(((SQLException) e.getCause()).getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
