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
        // Flyway's lock on H2 does not cover creating its history table, so two plugins migrating one H2 database at
        // once could both run V1 ("Table TASKS already exists"). The host hands every plugin the same DataSource
        // object for one datasource, so a lock on it serialises them within a host (each plugin has its own copy of
        // this class, so a lock of its own would not); on PostgreSQL, Flyway's advisory lock also covers hosts.
        synchronized (dataSource) {
            return migrateNow(dataSource);
        }
    }

    private static int migrateNow(DataSource dataSource) {
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
