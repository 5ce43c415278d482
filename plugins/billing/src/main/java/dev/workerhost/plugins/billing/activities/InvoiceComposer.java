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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices the lines of invoices: one line per line item that applies during the invoiced period, covering the
 * overlap of the two. FIXED prices charge in full for any overlap (no proration); USAGE prices charge for the usage
 * metered within the overlap. The invoices of a page are composed together: one read of their line items, and the
 * usage of all their USAGE lines in as few statements as the {@link UsageAggregator} can.
 */
final class InvoiceComposer {

    /** A USAGE line waiting for its quantity: where it goes and what it prices. */
    private record PendingUsage(List<InvoiceLine> lines, int index, BillableLineItem item, Period overlap) {
    }

    private final LineItemRepository lineItems = new LineItemRepository();

    /** @param progress called as lines are priced, so a long invoice keeps its activity's heartbeat going */
    List<InvoiceLine> lines(Connection connection, Scope scope, SubscriptionRow subscription, Period period,
            Runnable progress) throws SQLException {
        return lines(connection, scope, List.of(new PeriodToInvoice(subscription, period)), progress).get(0);
    }

    /** The lines of each period's invoice, in the order of {@code periods}, all of one scope. */
    List<List<InvoiceLine>> lines(Connection connection, Scope scope, List<PeriodToInvoice> periods,
            Runnable progress) throws SQLException {
        Map<String, Period> spans = new HashMap<>();
        for (PeriodToInvoice due : periods) {
            spans.merge(due.subscription().id(), due.period(), (a, b) -> new Period(
                    a.start().isBefore(b.start()) ? a.start() : b.start(), a.end().isAfter(b.end()) ? a.end() : b.end()));
        }
        Map<String, List<BillableLineItem>> items = lineItems.overlapping(connection, scope, spans);
        List<List<InvoiceLine>> invoices = new ArrayList<>(periods.size());
        List<UsageQuery> usageQueries = new ArrayList<>();
        List<PendingUsage> pending = new ArrayList<>();
        for (PeriodToInvoice due : periods) {
            List<InvoiceLine> lines = new ArrayList<>();
            for (BillableLineItem item : items.getOrDefault(due.subscription().id(), List.of())) {
                Optional<Period> overlap = due.period().intersect(item.startDate(), item.endDate());
                if (overlap.isEmpty()) {
                    continue;
                }
                if (item.price().type() == PriceType.FIXED) {
                    lines.add(fixedLine(item, overlap.get()));
                } else {
                    usageQueries.add(usageQuery(scope, due.subscription(), item, overlap.get()));
                    pending.add(new PendingUsage(lines, lines.size(), item, overlap.get()));
                    lines.add(null);
                }
            }
            invoices.add(lines);
        }
        List<BigDecimal> usage = UsageAggregator.forConnection(connection).aggregateAll(connection, usageQueries);
        progress.run();
        for (int i = 0; i < pending.size(); i++) {
            PendingUsage line = pending.get(i);
            line.lines().set(line.index(), usageLine(line.item(), line.overlap(), usage.get(i)));
        }
        return invoices;
    }

    private static InvoiceLine fixedLine(BillableLineItem item, Period overlap) {
        return new InvoiceLine(Ids.newId("il"), item.lineItemId(), item.price().priceId(), null,
                item.price().priceId(), item.quantity(), LinePricer.fixed(item.price(), item.quantity()), overlap);
    }

    private static UsageQuery usageQuery(Scope scope, SubscriptionRow subscription, BillableLineItem item,
            Period overlap) {
        if (subscription.customerExternalId() == null) {
            throw new InvalidDataException("subscription " + subscription.id() + " belongs to customer "
                    + subscription.customerId() + ", which does not exist in " + scope
                    + ", so the usage of line item " + item.lineItemId() + " cannot be metered",
                    "create the customer or correct the subscription's customer_id");
        }
        return new UsageQuery(scope, subscription.customerExternalId(), item.meter(), overlap);
    }

    private static InvoiceLine usageLine(BillableLineItem item, Period overlap, BigDecimal usage) {
        String displayName = item.meter().name() == null ? item.meter().id() : item.meter().name();
        return new InvoiceLine(Ids.newId("il"), item.lineItemId(), item.price().priceId(), item.meter().id(),
                displayName, usage, LinePricer.usage(item.price(), usage), overlap);
    }
}
