package dev.workerhost.plugins.domain;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades the shared schema. Every domain plugin calls {@link #migrate} when it starts; they all carry
 * the same migrations and share one history table, so whichever runs first applies them and the others find the
 * schema current. Flyway serialises concurrent runs (an advisory lock on PostgreSQL), so several plugins or hosts
 * may start at once.
 */
public final class DomainSchema {

    /** Where the migrations live on the class path; unique to this library so nothing else's are picked up. */
    static final String LOCATION = "classpath:db/migration/workerhost";

    private DomainSchema() {
    }

    /** Applies pending migrations; returns how many ran. Migrations newer than this library's are left alone. */
    public static int migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(DomainSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table("worker_host_schema_history")
                // Flyway picks java.util.logging when it cannot tell; the host's log is SLF4J.
                .loggers("slf4j")
                // A host may run plugins built with different versions of this library: an older one must
                // neither fail on nor undo migrations that a newer one applied.
                .ignoreMigrationPatterns("*:future")
                .load()
                .migrate();
        return result.migrationsExecuted;
    }
}
