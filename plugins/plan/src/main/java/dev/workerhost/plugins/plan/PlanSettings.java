package dev.workerhost.plugins.plan;

import com.typesafe.config.Config;

/** The {@code plugins.plan} configuration, checked when the plugin registers so a bad value stops it early. */
record PlanSettings(String datasource, int pageSize, int pagesPerRun) {

    PlanSettings {
        if (datasource == null || datasource.isBlank()) {
            throw new IllegalArgumentException("plugins.plan.datasource must name a datasource, e.g. default");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("plugins.plan.page-size must be at least 1, not " + pageSize);
        }
        if (pagesPerRun < 1) {
            throw new IllegalArgumentException("plugins.plan.pages-per-run must be at least 1, not " + pagesPerRun);
        }
    }

    static PlanSettings from(Config config) {
        return new PlanSettings(
                config.getString("datasource"), config.getInt("page-size"), config.getInt("pages-per-run"));
    }
}
