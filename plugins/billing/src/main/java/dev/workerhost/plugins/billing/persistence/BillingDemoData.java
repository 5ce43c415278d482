package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import dev.workerhost.plugins.domain.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The demo tenant's billing rows, behind {@code examples/SubscriptionBillingWorkflow.json}: customer
 * {@code cus_demo_billing} on a MONTHLY subscription {@code sub_demo_billing} that started two and a half months
 * before seeding, with a 49.00 USD platform fee and API calls at 0.25 USD each (meter
 * {@code meter_demo_billing_api_calls}, COUNT of {@code api_call} events). Billing it then creates two invoices:
 * 49.00 + 4 calls = 50.00 and 49.00 + 6 calls = 50.50; two more calls fall in the current period.
 */
public final class BillingDemoData {

    public static final String SUBSCRIPTION_ID = "sub_demo_billing";

    private static final Scope SCOPE = DemoData.SCOPE;
    private static final String CUSTOMER = "cus_demo_billing";
    private static final String CUSTOMER_EXTERNAL_ID = "ext_demo_billing";
    private static final String PLAN = "plan_demo_billing";
    private static final String METER = "meter_demo_billing_api_calls";
    private static final String FEE_PRICE = "price_demo_billing_platform_fee";
    private static final String CALLS_PRICE = "price_demo_billing_api_calls";

    private final Transactions transactions;

    public BillingDemoData(Transactions transactions) {
        this.transactions = transactions;
    }

    /** Inserts the rows unless the demo subscription exists; returns whether it did. */
    public boolean seedIfAbsent(Instant now) {
        return transactions.inTransaction(connection -> {
            if (exists(connection)) {
                return false;
            }
            Instant start = LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(2).minusDays(15)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            insert(connection, start);
            return true;
        });
    }

    private static boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM subscriptions WHERE id = ? AND tenant_id = ? AND environment_id = ?")) {
            statement.setString(1, SUBSCRIPTION_ID);
            statement.setString(2, SCOPE.tenantId());
            statement.setString(3, SCOPE.environmentId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static void insert(Connection connection, Instant start) throws SQLException {
        String scope = "'" + SCOPE.tenantId() + "', '" + SCOPE.environmentId() + "'";
        try (var statement = connection.createStatement()) {
            statement.execute("INSERT INTO customers (id, tenant_id, environment_id, external_id, name, email)"
                    + " VALUES ('" + CUSTOMER + "', " + scope + ", '" + CUSTOMER_EXTERNAL_ID
                    + "', 'Demo Billing Customer', 'billing@example.com')");
            statement.execute("INSERT INTO plans (id, tenant_id, environment_id, name, lookup_key) VALUES ('" + PLAN
                    + "', " + scope + ", 'Demo Billing Plan', 'demo_billing')");
            statement.execute("INSERT INTO meters (id, tenant_id, environment_id, name, event_name, aggregation_type)"
                    + " VALUES ('" + METER + "', " + scope + ", 'API calls', 'api_call', 'COUNT')");
            statement.execute("INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type,"
                    + " billing_period, billing_model) VALUES ('" + FEE_PRICE + "', " + scope + ", '" + PLAN
                    + "', 'USD', 49.00, 'FIXED', 'MONTHLY', 'FLAT_FEE')");
            statement.execute("INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type,"
                    + " billing_period, billing_model, meter_id) VALUES ('" + CALLS_PRICE + "', " + scope + ", '"
                    + PLAN + "', 'USD', 0.25, 'USAGE', 'MONTHLY', 'PER_UNIT', '" + METER + "')");
        }
        try (PreparedStatement subscription = connection.prepareStatement("INSERT INTO subscriptions (id, tenant_id,"
                + " environment_id, customer_id, plan_id, currency, billing_period, billing_anchor,"
                + " current_period_start, current_period_end, start_date) VALUES (?, ?, ?, ?, ?, 'USD', 'MONTHLY',"
                + " ?, ?, ?, ?)")) {
            subscription.setString(1, SUBSCRIPTION_ID);
            subscription.setString(2, SCOPE.tenantId());
            subscription.setString(3, SCOPE.environmentId());
            subscription.setString(4, CUSTOMER);
            subscription.setString(5, PLAN);
            SqlTimes.set(subscription, 6, start);
            SqlTimes.set(subscription, 7, start);
            SqlTimes.set(subscription, 8, start.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant());
            SqlTimes.set(subscription, 9, start);
            subscription.executeUpdate();
        }
        insertLineItem(connection, "li_demo_billing_platform_fee", FEE_PRICE, 1, start);
        insertLineItem(connection, "li_demo_billing_api_calls", CALLS_PRICE, 0, start);
        int[] callsPerPeriod = {4, 6, 2};
        int event = 0;
        for (int period = 0; period < callsPerPeriod.length; period++) {
            Instant periodStart = start.atOffset(ZoneOffset.UTC).plusMonths(period).toInstant();
            for (int call = 1; call <= callsPerPeriod[period]; call++) {
                insertEvent(connection, "evt_demo_billing_" + (++event), periodStart.plusSeconds(call * 3600L * 7));
            }
        }
    }

    private static void insertLineItem(Connection connection, String id, String priceId, int quantity, Instant start)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO subscription_line_items (id,"
                + " tenant_id, environment_id, subscription_id, plan_id, price_id, quantity, start_date)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, SCOPE.tenantId());
            statement.setString(3, SCOPE.environmentId());
            statement.setString(4, SUBSCRIPTION_ID);
            statement.setString(5, PLAN);
            statement.setString(6, priceId);
            statement.setInt(7, quantity);
            SqlTimes.set(statement, 8, start);
            statement.executeUpdate();
        }
    }

    private static void insertEvent(Connection connection, String id, Instant timestamp) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO events (id, tenant_id,"
                + " environment_id, event_name, external_customer_id, customer_id, timestamp, source, properties)"
                + " VALUES (?, ?, ?, 'api_call', ?, ?, ?, 'demo', '{\"endpoint\": \"/v1/reports\"}')")) {
            statement.setString(1, id);
            statement.setString(2, SCOPE.tenantId());
            statement.setString(3, SCOPE.environmentId());
            statement.setString(4, CUSTOMER_EXTERNAL_ID);
            statement.setString(5, CUSTOMER);
            SqlTimes.set(statement, 6, timestamp);
            statement.executeUpdate();
        }
    }
}
