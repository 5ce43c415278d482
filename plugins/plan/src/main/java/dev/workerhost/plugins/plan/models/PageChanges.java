package dev.workerhost.plugins.plan.models;

import java.util.List;

/** What the rules decide for one page of subscriptions: the line items to add, those to end, and the counts. */
public record PageChanges(List<NewLineItem> additions, List<LineItemEnd> ends, SyncCounts counts) {

    public PageChanges {
        additions = List.copyOf(additions);
        ends = List.copyOf(ends);
    }
}
