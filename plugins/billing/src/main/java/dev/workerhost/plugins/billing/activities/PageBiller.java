package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.SubscriptionSnapshot;
import dev.workerhost.plugins.billing.periods.BillingPlan;
import dev.workerhost.plugins.billing.periods.BillingPlanner;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.persistence.DueSubscription;
import dev.workerhost.plugins.billing.persistence.Invoice;
import dev.workerhost.plugins.billing.persistence.InvoiceLine;
import dev.workerhost.plugins.billing.persistence.InvoiceWriter;
import dev.workerhost.plugins.billing.persistence.SubscriptionRepository;
import dev.workerhost.plugins.billing.persistence.SubscriptionRow;
import dev.workerhost.plugins.domain.Ids;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bills a page of due subscriptions up to {@code now} in one transaction, by the rules of one billing run
 * ({@code SubscriptionBillingWorkflow}): the same {@link BillingPlanner} periods, an invoice for each ended period
 * that has none, then the current period moved (or the subscription cancelled at period end). Per scope it reads the
 * subscriptions, their invoiced periods and their line items with one statement each, meters the usage lines with
 * as few as the aggregator can, and writes invoices, lines and moves in batches.
 *
 * <p>Once per period holds as in a single run: a period that has an invoice gets none, and an invoice written by
 * someone else meanwhile fails the page's insert on the unique constraint, so the page is rolled back and retried.
 * A page that committed leaves its subscriptions no longer due, so a rerun bills none of them again. Rows that
 * cannot be billed fail the whole page with {@code InvalidDataException}; nothing of it is written.
 */
final class PageBiller {

    /** What a committed page did: the subscriptions billed and the invoices written. */
    record PageBilled(int subscriptions, List<Invoice> invoices) {
    }

    private final Transactions transactions;
    private final InvoiceMeters meters;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final InvoiceWriter invoices = new InvoiceWriter();
    private final InvoiceComposer composer = new InvoiceComposer();

    PageBiller(Transactions transactions, InvoiceMeters meters) {
        this.transactions = transactions;
        this.meters = meters;
    }

    /** @param progress called as the page's lines are priced, for the activity's heartbeat */
    PageBilled bill(List<DueSubscription> page, Instant now, Runnable progress) {
        Map<Scope, List<String>> byScope = new LinkedHashMap<>();
        for (DueSubscription due : page) {
            byScope.computeIfAbsent(new Scope(due.tenantId(), due.environmentId()), scope -> new ArrayList<>())
                    .add(due.subscriptionId());
        }
        PageBilled billed = transactions.inTransaction(connection -> {
            int subscriptionCount = 0;
            List<Invoice> written = new ArrayList<>();
            for (Map.Entry<Scope, List<String>> scoped : byScope.entrySet()) {
                PageBilled part = billScope(connection, scoped.getKey(), scoped.getValue(), now, progress);
                subscriptionCount += part.subscriptions();
                written.addAll(part.invoices());
            }
            return new PageBilled(subscriptionCount, written);
        });
        billed.invoices().forEach(meters::created);
        return billed;
    }

    private PageBilled billScope(Connection connection, Scope scope, List<String> ids, Instant now,
            Runnable progress) throws SQLException {
        Map<String, SubscriptionRow> rows = subscriptions.findAll(connection, scope, ids);
        Map<String, Set<Instant>> invoiced = invoices.periodStarts(connection, ids);
        List<PeriodToInvoice> toInvoice = new ArrayList<>();
        Map<String, Period> moves = new LinkedHashMap<>();
        Map<String, Period> cancels = new LinkedHashMap<>();
        int billed = 0;
        for (String id : ids) {
            SubscriptionRow row = rows.get(id);
            // Gone, or no longer billable, since the page was read: nothing to bill.
            SubscriptionSnapshot snapshot = row == null ? null : row.snapshot();
            if (snapshot == null || !snapshot.billable()) {
                continue;
            }
            billed++;
            BillingPlan plan = BillingPlanner.plan(snapshot.terms(), now);
            for (Period period : plan.periodsToInvoice()) {
                if (!invoiced.getOrDefault(id, Set.of()).contains(period.start())) {
                    toInvoice.add(new PeriodToInvoice(row, period));
                }
            }
            if (plan.cancel()) {
                cancels.put(id, plan.currentPeriod());
            } else if (plan.movesFrom(row.currentPeriodStart(), row.currentPeriodEnd())) {
                moves.put(id, plan.currentPeriod());
            }
        }
        List<List<InvoiceLine>> lines = composer.lines(connection, scope, toInvoice, progress);
        List<Invoice> written = new ArrayList<>(toInvoice.size());
        for (int i = 0; i < toInvoice.size(); i++) {
            SubscriptionRow subscription = toInvoice.get(i).subscription();
            written.add(new Invoice(Ids.newId("inv"), scope, subscription.customerId(), subscription.id(),
                    toInvoice.get(i).period(), subscription.currency(), lines.get(i)));
        }
        invoices.insertAll(connection, written);
        subscriptions.moveCurrentPeriods(connection, scope, moves);
        subscriptions.cancelAllAtEndOf(connection, scope, cancels);
        return new PageBilled(billed, written);
    }
}
