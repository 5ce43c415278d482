package dev.workerhost.plugins.billing.persistence;

import static java.util.Objects.requireNonNull;

import dev.workerhost.plugins.billing.periods.Period;
import dev.workerhost.plugins.domain.Scope;
import java.math.BigDecimal;
import java.util.List;

/** An invoice of one subscription period; its subtotal and total are the sum of its lines. */
public record Invoice(
        String id, Scope scope, String customerId, String subscriptionId, Period period, String currency,
        List<InvoiceLine> lines) {

    /**
     * Invoices are written FINALIZED: they cover a period that has ended, priced by rules that give the same
     * amounts on every run, so there is nothing left to draft.
     */
    public static final String STATUS = "FINALIZED";

    public Invoice {
        requireNonNull(id, "id is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(subscriptionId, "subscriptionId is null");
        requireNonNull(period, "period is null");
        lines = List.copyOf(lines);
    }

    public BigDecimal total() {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
