package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.domain.InvalidDataException;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.persistence.BillableLineItem;
import dev.workerhost.plugins.billing.persistence.InvoiceLine;
import dev.workerhost.plugins.billing.persistence.LineItemRepository;
import dev.workerhost.plugins.billing.persistence.SubscriptionRow;
import dev.workerhost.plugins.billing.persistence.UsageAggregator;
import dev.workerhost.plugins.billing.persistence.UsageQuery;
import dev.workerhost.plugins.billing.pricing.LinePricer;
import dev.workerhost.plugins.billing.pricing.PriceType;
import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.plugins.domain.Scope;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Prices the lines of one period's invoice: one line per line item that applies during the period, covering the
 * overlap of the two. FIXED prices charge in full for any overlap (no proration); USAGE prices charge for the usage
 * metered within the overlap.
 */
final class InvoiceComposer {

    private final LineItemRepository lineItems = new LineItemRepository();

    /** @param progress called after each line, so a long invoice keeps its activity's heartbeat going */
    List<InvoiceLine> lines(Connection connection, Scope scope, SubscriptionRow subscription, Period period,
            Runnable progress) throws SQLException {
        UsageAggregator aggregator = UsageAggregator.forConnection(connection);
        List<InvoiceLine> lines = new ArrayList<>();
        for (BillableLineItem item : lineItems.overlapping(connection, scope, subscription.id(), period)) {
            Optional<Period> overlap = period.intersect(item.startDate(), item.endDate());
            if (overlap.isPresent()) {
                lines.add(item.price().type() == PriceType.FIXED
                        ? fixedLine(item, overlap.get())
                        : usageLine(connection, aggregator, scope, subscription, item, overlap.get()));
                progress.run();
            }
        }
        return lines;
    }

    private static InvoiceLine fixedLine(BillableLineItem item, Period overlap) {
        return new InvoiceLine(Ids.newId("il"), item.lineItemId(), item.price().priceId(), null,
                item.price().priceId(), item.quantity(), LinePricer.fixed(item.price(), item.quantity()), overlap);
    }

    private static InvoiceLine usageLine(Connection connection, UsageAggregator aggregator, Scope scope,
            SubscriptionRow subscription, BillableLineItem item, Period overlap) throws SQLException {
        if (subscription.customerExternalId() == null) {
            throw new InvalidDataException("subscription " + subscription.id() + " belongs to customer "
                    + subscription.customerId() + ", which does not exist in " + scope
                    + ", so the usage of line item " + item.lineItemId() + " cannot be metered",
                    "create the customer or correct the subscription's customer_id");
        }
        BigDecimal usage = aggregator.aggregate(
                connection, new UsageQuery(scope, subscription.customerExternalId(), item.meter(), overlap));
        String displayName = item.meter().name() == null ? item.meter().id() : item.meter().name();
        return new InvoiceLine(Ids.newId("il"), item.lineItemId(), item.price().priceId(), item.meter().id(),
                displayName, usage, LinePricer.usage(item.price(), usage), overlap);
    }
}
