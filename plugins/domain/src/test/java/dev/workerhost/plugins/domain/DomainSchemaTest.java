package dev.workerhost.plugins.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DomainSchemaTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void migratesOnceAndAcceptsRowsWithOnlyTheColumnsTheRulesNeed(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            assertThat(DomainSchema.migrate(db.dataSource())).isEqualTo(migrationCount());
            assertThat(DomainSchema.migrate(db.dataSource())).isZero();

            db.execute(
                    "INSERT INTO prices (id, tenant_id, environment_id, plan_id, currency, amount, type, billing_period)"
                            + " VALUES ('p1', 't', 'e', 'plan1', 'USD', 9.99, 'FIXED', 'MONTHLY')",
                    "INSERT INTO tasks (id, tenant_id, environment_id, entity_type, file_url)"
                            + " VALUES ('t1', 't', 'e', 'EVENTS', 'file:/tmp/x.csv')");

            try (Connection connection = db.dataSource().getConnection();
                    ResultSet price = connection.createStatement().executeQuery(
                            "SELECT billing_period_count, tier_mode, status FROM prices WHERE id = 'p1'");
                    ResultSet task = connection.createStatement().executeQuery(
                            "SELECT task_status, processed_records, metadata FROM tasks WHERE id = 't1'")) {
                assertThat(price.next()).isTrue();
                assertThat(price.getInt(1)).isEqualTo(1);
                assertThat(price.getString(2)).isEqualTo("VOLUME");
                assertThat(price.getString(3)).isEqualTo("PUBLISHED");
                assertThat(task.next()).isTrue();
                assertThat(task.getString(1)).isEqualTo("PENDING");
                assertThat(task.getLong(2)).isZero();
                assertThat(task.getString(3)).isEqualTo("{}");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void pluginsStartingAtOnceApplyTheMigrationsExactlyOnce(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<Integer>> plugins = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    plugins.add(() -> DomainSchema.migrate(db.dataSource()));
                }
                int applied = 0;
                for (Future<Integer> result : pool.invokeAll(plugins)) {
                    applied += result.get();
                }
                assertThat(applied).isEqualTo(migrationCount());
            } finally {
                pool.shutdown();
            }
        }
    }

    /** The plugins add migrations over time (V1 schema, V2.. per plugin); each must run exactly once. */
    private static long migrationCount() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(
                DomainSchemaTest.class.getClassLoader().getResource("db/migration/workerhost").toURI()))) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
