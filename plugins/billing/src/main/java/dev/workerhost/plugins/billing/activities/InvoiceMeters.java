package dev.workerhost.plugins.billing.activities;

import dev.workerhost.plugins.billing.persistence.Invoice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The billing plugin's meters: {@code billing.invoices.created} counts the invoices written, and
 * {@code billing.invoice.amount} (tagged {@code currency}) records their totals. An invoice counts once, when the
 * transaction that wrote it has committed; one found already written does not count again.
 */
public final class InvoiceMeters {

    private final MeterRegistry registry;
    private final Counter created;

    public InvoiceMeters(MeterRegistry registry) {
        this.registry = registry;
        this.created = Counter.builder("billing.invoices.created")
                .description("Invoices written, one per subscription and period")
                .register(registry);
    }

    void created(Invoice invoice) {
        created.increment();
        DistributionSummary.builder("billing.invoice.amount")
                .description("Invoice totals, in the invoice's currency")
                .tag("currency", invoice.currency().toUpperCase(Locale.ROOT))
                .register(registry)
                .record(invoice.total().doubleValue());
    }
}
