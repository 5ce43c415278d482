package dev.workerhost.plugins.billing;

/** INSERT statements for billing rows, written as an operator would: only the columns the rules need. */
public final class Rows {

    private Rows() {
    }

    public static String ts(String instant) {
        return "TIMESTAMP WITH TIME ZONE '" + instant.replace('T', ' ').replace("Z", "+00") + "'";
    }

    public static String customer(String tenant, String id, String externalId) {
        return "INSERT INTO customers (id, tenant_id, environment_id, external_id) VALUES ('" + id + "', '" + tenant
                + "', 'env', '" + externalId + "')";
    }

    public static String meter(String tenant, String id, String eventName, String aggregation, String field) {
        return "INSERT INTO meters (id, tenant_id, environment_id, name, event_name, aggregation_type,"
                + " aggregation_field) VALUES ('" + id + "', '" + tenant + "', 'env', '" + id + " name', '" + eventName
                + "', '" + aggregation + "', " + (field == null ? "NULL" : "'" + field + "'") + ")";
    }

    public static String fixedPrice(String tenant, String id, String amount) {
        return "INSERT INTO prices (id, tenant_id, environment_id, currency, amount, type, billing_period)"
                + " VALUES ('" + id + "', '" + tenant + "', 'env', 'USD', " + amount + ", 'FIXED', 'MONTHLY')";
    }

    /** A USAGE price; {@code extra} are more column = value pairs, e.g. {@code "package_size", "100"}. */
    public static String usagePrice(String tenant, String id, String model, String amount, String meterId,
            String... extra) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < extra.length; i += 2) {
            columns.append(", ").append(extra[i]);
            values.append(", ").append(extra[i + 1]);
        }
        return "INSERT INTO prices (id, tenant_id, environment_id, currency, amount, type, billing_period,"
                + " billing_model, meter_id" + columns + ") VALUES ('" + id + "', '" + tenant + "', 'env', 'USD', "
                + amount + ", 'USAGE', 'MONTHLY', '" + model + "', '" + meterId + "'" + values + ")";
    }

    /** A subscription; {@code extra} are more column = value pairs. */
    public static String subscription(String tenant, String id, String customerId, String period, String... extra) {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < extra.length; i += 2) {
            columns.append(", ").append(extra[i]);
            values.append(", ").append(extra[i + 1]);
        }
        return "INSERT INTO subscriptions (id, tenant_id, environment_id, customer_id, currency, billing_period"
                + columns + ") VALUES ('" + id + "', '" + tenant + "', 'env', '" + customerId + "', 'USD', '" + period
                + "'" + values + ")";
    }

    public static String lineItem(String tenant, String id, String subscriptionId, String priceId, String quantity,
            String start, String end) {
        return "INSERT INTO subscription_line_items (id, tenant_id, environment_id, subscription_id, price_id,"
                + " quantity, start_date, end_date) VALUES ('" + id + "', '" + tenant + "', 'env', '" + subscriptionId
                + "', '" + priceId + "', " + quantity + ", " + (start == null ? "NULL" : ts(start)) + ", "
                + (end == null ? "NULL" : ts(end)) + ")";
    }

    public static String event(String tenant, String id, String eventName, String externalCustomerId,
            String timestamp, String properties) {
        return "INSERT INTO events (id, tenant_id, environment_id, event_name, external_customer_id, timestamp,"
                + " properties) VALUES ('" + id + "', '" + tenant + "', 'env', '" + eventName + "', '"
                + externalCustomerId + "', " + ts(timestamp) + ", '" + properties + "')";
    }
}
