package dev.workerhost.plugins.plan.persistence;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.domain.Transactions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo rows behind {@code examples/PriceSyncWorkflow.json}: plan {@code plan_demo} with a FIXED and a USAGE
 * monthly USD price, and two ACTIVE subscriptions on it without line items, so the example's sync creates four.
 * Each row is inserted only if its id is absent: a restart, or another plugin seeding the same row, changes nothing.
 */
public final class PlanDemoData {

    private static final Instant PRICES_START = Instant.parse("2024-01-01T00:00:00Z");

    private final Transactions transactions;

    public PlanDemoData(Transactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    /** Seeds the rows; the subscriptions start at the beginning of {@code now}'s month (UTC). */
    public void seed(Instant now) {
        Instant monthStart = LocalDate.ofInstant(now, ZoneOffset.UTC).withDayOfMonth(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant nextMonthStart = monthStart.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        transactions.inTransaction(connection -> {
            insertIfAbsent(connection, "customers", "cus_demo_plansync", row(
                    "external_id", "demo_plansync",
                    "name", "Price Sync Demo Customer",
                    "email", "plansync@example.com"));
            insertIfAbsent(connection, "meters", "meter_demo_api_calls", row(
                    "name", "API calls",
                    "event_name", "api_call",
                    "aggregation_type", "COUNT"));
            insertIfAbsent(connection, "plans", "plan_demo", row(
                    "name", "Demo plan",
                    "lookup_key", "plan_demo",
                    "status", "PUBLISHED"));
            insertIfAbsent(connection, "prices", "price_plan_demo_platform_fee", row(
                    "plan_id", "plan_demo", "currency", "USD", "amount", new BigDecimal("29.00"),
                    "type", "FIXED", "billing_period", "MONTHLY", "billing_period_count", 1,
                    "billing_model", "FLAT_FEE", "status", "PUBLISHED", "start_date", PRICES_START));
            insertIfAbsent(connection, "prices", "price_plan_demo_api_calls", row(
                    "plan_id", "plan_demo", "currency", "USD", "amount", new BigDecimal("0.01"),
                    "type", "USAGE", "billing_period", "MONTHLY", "billing_period_count", 1,
                    "billing_model", "PER_UNIT", "meter_id", "meter_demo_api_calls", "status", "PUBLISHED",
                    "start_date", PRICES_START));
            for (String id : new String[] {"sub_demo_plansync_1", "sub_demo_plansync_2"}) {
                insertIfAbsent(connection, "subscriptions", id, row(
                        "customer_id", "cus_demo_plansync", "plan_id", "plan_demo", "currency", "USD",
                        "billing_period", "MONTHLY", "billing_period_count", 1, "billing_anchor", monthStart,
                        "current_period_start", monthStart, "current_period_end", nextMonthStart,
                        "subscription_status", "ACTIVE", "start_date", monthStart));
            }
            return null;
        });
    }

    /** Column/value pairs, in order. */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    private static void insertIfAbsent(Connection connection, String table, String id, Map<String, Object> columns)
            throws SQLException {
        Scope scope = DemoData.SCOPE;
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE id = ? AND tenant_id = ? AND environment_id = ?")) {
            exists.setString(1, id);
            exists.setString(2, scope.tenantId());
            exists.setString(3, scope.environmentId());
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        String names = "id, tenant_id, environment_id, " + String.join(", ", columns.keySet());
        String parameters = String.join(", ", Collections.nCopies(columns.size() + 3, "?"));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + parameters + ")")) {
            insert.setString(1, id);
            insert.setString(2, scope.tenantId());
            insert.setString(3, scope.environmentId());
            int index = 4;
            for (Object value : columns.values()) {
                if (value instanceof Instant instant) {
                    SqlTimes.set(insert, index++, instant);
                } else {
                    insert.setObject(index++, value);
                }
            }
            insert.executeUpdate();
        }
    }
}
