package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.models.InvoiceOutcome;
import dev.workerhost.plugins.billing.models.SubscriptionBillingInput;
import dev.workerhost.plugins.billing.models.SubscriptionSnapshot;
import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.billing.persistence.SubscriptionRepository;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import io.temporal.activity.Activity;
import javax.sql.DataSource;

/** {@link BillingActivities} on the billing datasource; registered through {@code FailOnce}. */
public final class BillingActivitiesImpl implements BillingActivities {

    private final Transactions transactions;
    private final SubscriptionRepository subscriptions = new SubscriptionRepository();
    private final PeriodInvoicer invoicer;

    public BillingActivitiesImpl(DataSource dataSource, InvoiceMeters meters) {
        this.transactions = new Transactions(dataSource);
        this.invoicer = new PeriodInvoicer(transactions, meters);
    }

    @Override
    public SubscriptionSnapshot loadSubscription(SubscriptionBillingInput subscription) {
        Scope scope = scope(subscription);
        return transactions.inTransaction(connection ->
                subscriptions.find(connection, scope, subscription.subscriptionId())
                        .orElseThrow(() -> PeriodInvoicer.notFound(scope, subscription.subscriptionId()))
                        .snapshot());
    }

    @Override
    public InvoiceOutcome invoicePeriod(SubscriptionBillingInput subscription, Period period, String invoiceId) {
        return invoicer.invoice(scope(subscription), subscription.subscriptionId(), period, invoiceId,
                () -> Activity.getExecutionContext().heartbeat(null));
    }

    @Override
    public void moveCurrentPeriod(SubscriptionBillingInput subscription, Period period) {
        transactions.inTransaction(connection -> {
            subscriptions.moveCurrentPeriod(connection, scope(subscription), subscription.subscriptionId(), period);
            return null;
        });
    }

    @Override
    public void cancelAtPeriodEnd(SubscriptionBillingInput subscription, Period lastPeriod) {
        transactions.inTransaction(connection -> {
            subscriptions.cancelAtEndOf(connection, scope(subscription), subscription.subscriptionId(), lastPeriod);
            return null;
        });
    }

    private static Scope scope(SubscriptionBillingInput subscription) {
        return new Scope(subscription.tenantId(), subscription.environmentId());
    }
}
