package dev.workerhost.plugins.task.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.task.models.CustomerRow;
import dev.workerhost.spi.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts imported customers by (tenant, environment, external_id): a field the record has replaces the stored
 * one, a field it lacks stays, and its metadata keys merge into the stored metadata. The stored rows are read and
 * locked first, so the merge happens here, the same way on every database, and the writes go in one JDBC batch.
 */
public final class CustomerWriter {

    /** Stored customers are looked up this many external ids at a time, well within every driver's limits. */
    private static final int LOOKUP_SLICE = 500;

    private static final String FIELDS = "name, email, address_line1, address_line2, address_city,"
            + " address_state, address_postal_code, address_country, metadata";
    private static final String COLUMNS = "id, tenant_id, environment_id, external_id, " + FIELDS + ", updated_at";

    private static final String POSTGRESQL_UPSERT = "INSERT INTO customers (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, environment_id, external_id)"
            + " DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, address_line1 = EXCLUDED.address_line1,"
            + " address_line2 = EXCLUDED.address_line2, address_city = EXCLUDED.address_city,"
            + " address_state = EXCLUDED.address_state, address_postal_code = EXCLUDED.address_postal_code,"
            + " address_country = EXCLUDED.address_country, metadata = EXCLUDED.metadata,"
            + " updated_at = EXCLUDED.updated_at";

    private static final String H2_UPSERT = "MERGE INTO customers (" + COLUMNS + ")"
            + " KEY (tenant_id, environment_id, external_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private record StoredCustomer(String id, CustomerRow row) {
    }

    public void upsert(Connection connection, Scope scope, List<CustomerRow> customers, Instant now)
            throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        // Several records of one chunk may describe the same customer: later ones apply over earlier ones.
        Map<String, CustomerRow> imported = new LinkedHashMap<>();
        for (CustomerRow customer : customers) {
            imported.merge(customer.externalId(), customer, (earlier, later) -> later.over(earlier));
        }
        Map<String, StoredCustomer> stored = lockStored(connection, scope, List.copyOf(imported.keySet()));
        String sql = SqlDialect.of(connection) == SqlDialect.POSTGRESQL ? POSTGRESQL_UPSERT : H2_UPSERT;
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            for (CustomerRow customer : imported.values()) {
                StoredCustomer existing = stored.get(customer.externalId());
                CustomerRow row = existing == null ? customer : customer.over(existing.row());
                upsert.setString(1, existing == null ? Ids.newId("cus") : existing.id());
                upsert.setString(2, scope.tenantId());
                upsert.setString(3, scope.environmentId());
                upsert.setString(4, row.externalId());
                upsert.setString(5, row.name());
                upsert.setString(6, row.email());
                upsert.setString(7, row.addressLine1());
                upsert.setString(8, row.addressLine2());
                upsert.setString(9, row.addressCity());
                upsert.setString(10, row.addressState());
                upsert.setString(11, row.addressPostalCode());
                upsert.setString(12, row.addressCountry());
                upsert.setString(13, row.metadata().toString());
                SqlTimes.set(upsert, 14, now);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static Map<String, StoredCustomer> lockStored(Connection connection, Scope scope, List<String> externalIds)
            throws SQLException {
        Map<String, StoredCustomer> stored = new LinkedHashMap<>();
        for (int from = 0; from < externalIds.size(); from += LOOKUP_SLICE) {
            List<String> slice = externalIds.subList(from, Math.min(externalIds.size(), from + LOOKUP_SLICE));
            String placeholders = String.join(", ", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement query = connection.prepareStatement("SELECT id, external_id, " + FIELDS
                    + " FROM customers WHERE tenant_id = ? AND environment_id = ? AND external_id IN ("
                    + placeholders + ") FOR UPDATE")) {
                query.setString(1, scope.tenantId());
                query.setString(2, scope.environmentId());
                for (int i = 0; i < slice.size(); i++) {
                    query.setString(3 + i, slice.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        stored.put(row.getString("external_id"), toStored(row));
                    }
                }
            }
        }
        return stored;
    }

    private static StoredCustomer toStored(ResultSet row) throws SQLException {
        String id = row.getString("id");
        return new StoredCustomer(id, new CustomerRow(
                row.getString("external_id"),
                row.getString("name"),
                row.getString("email"),
                row.getString("address_line1"),
                row.getString("address_line2"),
                row.getString("address_city"),
                row.getString("address_state"),
                row.getString("address_postal_code"),
                row.getString("address_country"),
                metadata(id, row.getString("metadata"))));
    }

    private static ObjectNode metadata(String customerId, String json) throws SQLException {
        try {
            JsonNode node = json == null || json.isBlank() ? Json.reader().createObjectNode() : Json.reader().readTree(json);
            if (node instanceof ObjectNode) {
                return (ObjectNode) node;
            }
        } catch (JsonProcessingException e) {
            // reported below, like any other metadata that is not an object
        }
        // A data exception (SQLState class 22): the records for this customer fail, the others are written.
        throw new SQLDataException("customer " + customerId + " has stored metadata that is not a JSON object; fix"
                + " it before importing into it", "22000");
    }
}
