package dev.workerhost.plugins.task.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.domain.Scope;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskRepositoryTest {

    private static final Scope SCOPE = new Scope("t", "e");
    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aProcessingTaskResumesFromItsCommittedProgressWithTheErrorsSoFar(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            TaskRepository tasks = repository(db);
            Task claimed = tasks.claim(SCOPE, "t1", "wf", "run1", NOW);
            ImportProgress progress = ImportProgress.NONE.withSuccess().withFailure(3, "bad");
            new Transactions(db.dataSource()).inTransaction(connection -> {
                tasks.saveProgress(connection, claimed, claimed.progress(), progress, NOW);
                return null;
            });

            Task resumed = tasks.claim(SCOPE, "t1", "wf", "run2", NOW.plusSeconds(60));

            assertThat(resumed.status()).isEqualTo(TaskStatus.PROCESSING);
            assertThat(resumed.progress()).isEqualTo(progress);
            assertThat(resumed.firstErrors()).isEqualTo(List.of("Line 3: bad"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aSecondRunCannotCommitAChunkOverProgressItDidNotSee(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            TaskRepository tasks = repository(db);
            Task task = tasks.claim(SCOPE, "t1", "wf", "run1", NOW);
            Transactions transactions = new Transactions(db.dataSource());
            ImportProgress one = ImportProgress.NONE.withSuccess();
            transactions.inTransaction(connection -> {
                tasks.saveProgress(connection, task, ImportProgress.NONE, one, NOW);
                return null;
            });

            assertThatThrownBy(() -> transactions.inTransaction(connection -> {
                tasks.saveProgress(connection, task, ImportProgress.NONE, one.withSuccess(), NOW);
                return null;
            })).isInstanceOf(ConcurrentImportException.class)
                    .hasMessageStartingWith("task t1 moved past record 0 in another run of its import");
            assertThat(tasks.find(SCOPE, "t1").orElseThrow().progress()).isEqualTo(one);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aFailedTaskStartsAfreshAndAnotherScopeDoesNotSeeIt(TestDatabase.Engine engine) {
        try (TestDatabase db = TestDatabase.create(engine)) {
            TaskRepository tasks = repository(db);
            Task task = tasks.claim(SCOPE, "t1", "wf", "run1", NOW);
            tasks.finish(task, ImportProgress.NONE.withFailure(2, "bad"), NOW);

            Task rerun = tasks.claim(SCOPE, "t1", "wf2", "run2", NOW);

            assertThat(rerun.progress()).isEqualTo(ImportProgress.NONE);
            assertThat(tasks.find(SCOPE, "t1").orElseThrow().errorSummary()).isNull();
            assertThatThrownBy(() -> tasks.claim(new Scope("t", "other"), "t1", "wf", "run", NOW))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessage("task t1 not found for tenant t, environment other");
        }
    }

    private static TaskRepository repository(TestDatabase db) {
        DomainSchema.migrate(db.dataSource());
        db.execute("INSERT INTO tasks (id, tenant_id, environment_id, entity_type, file_url)"
                + " VALUES ('t1', 't', 'e', 'EVENTS', 'file:///x.csv')");
        return new TaskRepository(new Transactions(db.dataSource()));
    }
}
