package dev.workerhost.plugins.plan;

import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.testkit.TestDatabase;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The rows of one fresh tenant, so tests sharing a database never see each other's. Row ids are global primary keys,
 * so they carry the tenant's suffix; the helpers take and return the short names.
 */
final class TenantRows {

    static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant FAR_AHEAD = Instant.parse("2099-01-01T00:00:00Z");

    /** A line item as the database holds it. */
    record LineItem(
            String id, String subscriptionId, String planId, String priceId, BigDecimal quantity,
            Instant startDate, Instant endDate, String metadata) {
    }

    final TestDatabase db;
    final String tenantId;
    final String environmentId;
    private final String suffix;

    private TenantRows(TestDatabase db, String tenantId, String environmentId) {
        this.db = db;
        this.tenantId = tenantId;
        this.environmentId = environmentId;
        this.suffix = "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TenantRows fresh(TestDatabase db) {
        return new TenantRows(db, "tenant_" + UUID.randomUUID().toString().substring(0, 8), "env_test");
    }

    /** Another environment of the same tenant. */
    TenantRows otherEnvironment() {
        return new TenantRows(db, tenantId, "env_other");
    }

    String id(String name) {
        return name + suffix;
    }

    PriceSyncInput syncInput(String plan) {
        return new PriceSyncInput(id(plan), tenantId, environmentId, "user_test");
    }

    SqlRow row(String table, String name) {
        return new SqlRow(db, table).with("id", id(name)).with("tenant_id", tenantId)
                .with("environment_id", environmentId);
    }

    void plan(String name) {
        row("plans", name).with("name", name).insert();
    }

    /** A published USD monthly price of the plan, started long ago; override any column with {@code with}. */
    SqlRow price(String name, String plan, String type) {
        return row("prices", name).with("plan_id", id(plan)).with("currency", "USD").with("amount", 10)
                .with("type", type).with("billing_period", "MONTHLY").with("start_date", LONG_AGO);
    }

    /** An ACTIVE USD monthly subscription on the plan, started long ago. */
    SqlRow subscription(String name, String plan) {
        return row("subscriptions", name).with("customer_id", "cus" + suffix).with("plan_id", id(plan))
                .with("currency", "USD").with("billing_period", "MONTHLY").with("subscription_status", "ACTIVE")
                .with("start_date", LONG_AGO);
    }

    /** An open line item of the subscription for the price, started long ago. */
    SqlRow lineItem(String name, String subscription, String price) {
        return row("subscription_line_items", name).with("subscription_id", id(subscription))
                .with("price_id", id(price)).with("quantity", 1).with("start_date", LONG_AGO);
    }

    List<LineItem> lineItems(String subscription) {
        return query("SELECT * FROM subscription_line_items WHERE subscription_id = ? AND tenant_id = ?"
                + " ORDER BY price_id, id", id(subscription));
    }

    /** Every line item of this tenant and environment. */
    List<LineItem> allLineItems() {
        return query("SELECT * FROM subscription_line_items WHERE environment_id = ? AND tenant_id = ?"
                + " ORDER BY subscription_id, price_id, id", environmentId);
    }

    LineItem lineItem(String name) {
        return query("SELECT * FROM subscription_line_items WHERE id = ? AND tenant_id = ?", id(name)).get(0);
    }

    private List<LineItem> query(String sql, String key) {
        return db.rows(sql, key, tenantId).stream().map(row -> new LineItem((String) row.get("id"),
                (String) row.get("subscription_id"), (String) row.get("plan_id"), (String) row.get("price_id"),
                ((BigDecimal) row.get("quantity")).stripTrailingZeros(), instant(row.get("start_date")),
                instant(row.get("end_date")), (String) row.get("metadata"))).toList();
    }

    private static Instant instant(Object timestamp) {
        return timestamp == null ? null : ((OffsetDateTime) timestamp).toInstant();
    }
}
