package dev.workerhost.plugins.billing.models;

import static java.util.Objects.requireNonNull;

/**
 * The invoice of one period: its id, and whether this billing run created it (false: an earlier run already had).
 */
public record InvoiceOutcome(String invoiceId, boolean created) {

    public InvoiceOutcome {
        requireNonNull(invoiceId, "invoiceId is null");
    }
}
