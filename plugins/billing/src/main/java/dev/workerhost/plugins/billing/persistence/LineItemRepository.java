package dev.workerhost.plugins.billing.persistence;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.pricing.BillingModel;
import dev.workerhost.plugins.billing.pricing.PriceTerms;
import dev.workerhost.plugins.billing.pricing.PriceType;
import dev.workerhost.plugins.billing.pricing.TierMode;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.SqlTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the line items of subscriptions that apply during their periods, with their prices and meters. */
public final class LineItemRepository {

    private static final String SELECT = "SELECT li.subscription_id, li.id AS line_item_id, li.price_id,"
            + " li.quantity, li.start_date,"
            + " li.end_date, p.id AS found_price_id, p.type, p.amount, p.billing_model, p.meter_id, p.package_size,"
            + " p.tiers, p.tier_mode, m.id AS found_meter_id, m.name AS meter_name, m.event_name,"
            + " m.aggregation_type, m.aggregation_field"
            + " FROM subscription_line_items li"
            + " LEFT JOIN prices p ON p.id = li.price_id AND p.tenant_id = li.tenant_id"
            + " AND p.environment_id = li.environment_id"
            + " LEFT JOIN meters m ON m.id = p.meter_id AND m.tenant_id = li.tenant_id"
            + " AND m.environment_id = li.environment_id"
            + " WHERE li.tenant_id = ? AND li.environment_id = ? AND li.subscription_id IN ";

    /**
     * The line items of each subscription in {@code spans} that start before its span ends and are not ended by its
     * span's start, in id order; one statement for them all. Only those are checked, so a broken line item outside
     * the span does not stop the billing.
     */
    public Map<String, List<BillableLineItem>> overlapping(Connection connection, Scope scope, Map<String, Period> spans)
            throws SQLException {
        Map<String, List<BillableLineItem>> items = new HashMap<>();
        if (spans.isEmpty()) {
            return items;
        }
        List<String> ids = List.copyOf(spans.keySet());
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT + InList.of(ids.size()) + " ORDER BY li.subscription_id, li.id")) {
            statement.setString(1, scope.tenantId());
            statement.setString(2, scope.environmentId());
            InList.bind(statement, 3, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String subscriptionId = rows.getString("subscription_id");
                    if (spans.get(subscriptionId).intersect(
                            SqlTimes.get(rows, "start_date"), SqlTimes.get(rows, "end_date")).isPresent()) {
                        items.computeIfAbsent(subscriptionId, id -> new ArrayList<>()).add(lineItem(rows, scope));
                    }
                }
            }
        }
        return items;
    }

    private static BillableLineItem lineItem(ResultSet row, Scope scope) throws SQLException {
        String lineItemId = row.getString("line_item_id");
        if (row.getString("found_price_id") == null) {
            throw new InvalidDataException("line item " + lineItemId + " refers to price "
                    + row.getString("price_id") + ", which does not exist in " + scope,
                    "restore the price or correct the line item's price_id");
        }
        PriceTerms price = price(row);
        Meter meter = price.type() == PriceType.USAGE ? meter(row, price.priceId(), scope) : null;
        return new BillableLineItem(lineItemId, row.getBigDecimal("quantity"), SqlTimes.get(row, "start_date"),
                SqlTimes.get(row, "end_date"), price, meter);
    }

    private static PriceTerms price(ResultSet row) throws SQLException {
        String id = row.getString("found_price_id");
        String name = "price " + id;
        return new PriceTerms(id,
                EnumColumns.parse(PriceType.class, row.getString("type"), name, "type"),
                row.getBigDecimal("amount"),
                EnumColumns.parse(BillingModel.class, row.getString("billing_model"), name, "billing_model"),
                row.getBigDecimal("package_size"),
                row.getString("tiers"),
                EnumColumns.parse(TierMode.class, row.getString("tier_mode"), name, "tier_mode"));
    }

    private static Meter meter(ResultSet row, String priceId, Scope scope) throws SQLException {
        String meterId = row.getString("meter_id");
        if (meterId == null) {
            throw new InvalidDataException("price " + priceId + " is a USAGE price without a meter_id",
                    "set the price's meter_id");
        }
        if (row.getString("found_meter_id") == null) {
            throw new InvalidDataException(
                    "price " + priceId + " refers to meter " + meterId + ", which does not exist in " + scope,
                    "create the meter or correct the price's meter_id");
        }
        String name = "meter " + meterId;
        AggregationType aggregation = EnumColumns.parse(
                AggregationType.class, row.getString("aggregation_type"), name, "aggregation_type");
        String field = row.getString("aggregation_field");
        if (aggregation.needsField() && (field == null || field.isBlank())) {
            throw new InvalidDataException(
                    name + " aggregates " + aggregation + " but has no aggregation_field to read from properties",
                    "set the meter's aggregation_field");
        }
        return new Meter(meterId, row.getString("meter_name"), row.getString("event_name"), aggregation,
                aggregation.needsField() ? field : null);
    }
}
