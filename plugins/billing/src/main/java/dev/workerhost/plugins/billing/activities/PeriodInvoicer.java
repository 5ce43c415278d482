package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.InvoiceOutcome;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.persistence.Invoice;
import dev.workerhost.plugins.billing.persistence.InvoiceWriter;
import dev.workerhost.plugins.billing.persistence.SubscriptionRepository;
import dev.workerhost.plugins.billing.persistence.SubscriptionRow;
import dev.workerhost.plugins.domain.DataAccessException;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes the invoice of one subscription period exactly once. Check, price and insert run in one transaction; if
 * another writer inserts the period's invoice meanwhile, the unique constraint rejects this one and the other's
 * stands.
 *
 * <p>The caller chooses the invoice id, so a retried attempt whose first try did commit recognises its own invoice
 * ({@code created} stays true) while a later run sees someone else's ({@code created} false).
 */
public final class PeriodInvoicer {

    /** What the transaction did: the outcome, and the invoice if it wrote one. */
    private record Written(InvoiceOutcome outcome, Invoice invoice) {
    }

    private final Transactions transactions;
    private final InvoiceMeters meters;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final InvoiceWriter invoices = new InvoiceWriter();
    private final InvoiceComposer composer = new InvoiceComposer();

    public PeriodInvoicer(Transactions transactions, InvoiceMeters meters) {
        this.transactions = transactions;
        this.meters = meters;
    }

    public InvoiceOutcome invoice(Scope scope, String subscriptionId, Period period, String invoiceId,
            Runnable progress) {
        try {
            Written written = transactions.inTransaction(connection -> {
                Optional<String> existing = invoices.findId(connection, subscriptionId, period.start());
                if (existing.isPresent()) {
                    return new Written(outcome(existing.get(), invoiceId), null);
                }
                SubscriptionRow subscription = subscriptions.find(connection, scope, subscriptionId)
                        .orElseThrow(() -> notFound(scope, subscriptionId));
                Invoice invoice = new Invoice(invoiceId, scope, subscription.customerId(), subscriptionId, period,
                        subscription.currency(), composer.lines(connection, scope, subscription, period, progress));
                invoices.insert(connection, invoice);
                return new Written(new InvoiceOutcome(invoiceId, true), invoice);
            });
            if (written.invoice() != null) {
                meters.created(written.invoice());
            }
            return written.outcome();
        } catch (DataAccessException e) {
            if (!InvoiceWriter.isDuplicate(e)) {
                throw e;
            }
            return transactions.inTransaction(connection -> outcome(written(connection, subscriptionId, period),
                    invoiceId));
        }
    }

    private String written(Connection connection, String subscriptionId, Period period) throws SQLException {
        return invoices.findId(connection, subscriptionId, period.start()).orElseThrow(() ->
                new IllegalStateException("the invoice of subscription " + subscriptionId + " for the period from "
                        + period.start() + " was reported as a duplicate but cannot be found"));
    }

    private static InvoiceOutcome outcome(String existingId, String invoiceId) {
        return new InvoiceOutcome(existingId, existingId.equals(invoiceId));
    }

    static NotFoundException notFound(Scope scope, String subscriptionId) {
        return new NotFoundException("subscription " + subscriptionId + " does not exist in " + scope,
                "check subscription_id, tenant_id and environment_id: the subscription must exist in that tenant and"
                        + " environment");
    }
}
