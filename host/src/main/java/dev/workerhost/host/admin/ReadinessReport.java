package dev.workerhost.host.admin;

import java.util.List;

/** What {@code GET /ready} answers: ready, or the list of what is missing, each entry one line for an operator. */
public record ReadinessReport(boolean ready, List<String> missing) {

    public ReadinessReport {
        missing = List.copyOf(missing);
    }
}
