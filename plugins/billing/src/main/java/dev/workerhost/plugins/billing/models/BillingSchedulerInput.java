package dev.workerhost.plugins.billing.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.Validation;

/**
 * Input of {@code BillingSchedulerWorkflow}: {@code {}}, or how many due subscriptions to read per page.
 *
 * @param pageSize subscriptions per page, 1 to {@value #MAX_PAGE_SIZE}; null means {@value #DEFAULT_PAGE_SIZE}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BillingSchedulerInput(Integer pageSize) implements Validatable {

    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 1000;

    @Override
    public void validate() {
        Validation.check(pageSize == null || (pageSize >= 1 && pageSize <= MAX_PAGE_SIZE),
                "page_size must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize,
                "leave page_size out for " + DEFAULT_PAGE_SIZE + " or choose a value in range");
    }

    public int effectivePageSize() {
        return pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    }
}
