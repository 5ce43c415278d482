package dev.workerhost.plugins.plan.activities;

import dev.workerhost.plugins.plan.models.SyncCounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The plan plugin's meter {@code plan.sync.line.items}: the (subscription, price) pairs that price syncs decided,
 * tagged {@code action} = {@code created}, {@code terminated} or {@code skipped}. A page counts once its transaction
 * has committed; a page that is retried after a commit whose result was lost counts again, as skipped.
 */
public final class SyncMeters {

    private final Counter created;
    private final Counter terminated;
    private final Counter skipped;

    public SyncMeters(MeterRegistry registry) {
        this.created = counter(registry, "created");
        this.terminated = counter(registry, "terminated");
        this.skipped = counter(registry, "skipped");
    }

    void record(SyncCounts page) {
        created.increment(page.created());
        terminated.increment(page.terminated());
        skipped.increment(page.skipped());
    }

    private static Counter counter(MeterRegistry registry, String action) {
        return Counter.builder("plan.sync.line.items")
                .description("Line items of subscriptions that price syncs created, terminated or left as they were")
                .tag("action", action)
                .register(registry);
    }
}
