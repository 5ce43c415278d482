package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.plugins.task.workflows.TaskProcessingWorkflow;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.WorkflowModule;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoTaskTest {

    /** The shipped examples, where the distribution's {@code examples/} folder gets them from. */
    private static final Path SOURCES = Path.of("src/main").toAbsolutePath();

    @BeforeEach
    void pretendTheSourcesAreTheDistribution() {
        System.setProperty(TaskSettings.HOME_PROPERTY, SOURCES.toString());
    }

    @AfterEach
    void forgetTheDistribution() {
        System.clearProperty(TaskSettings.HOME_PROPERTY);
    }

    @Test
    void theShippedExampleImportsTheSampleFileOfTheDemoTaskOnTheEmbeddedDefault() throws Exception {
        TaskInput example = Json.readerFor(TaskInput.class).readValue(
                SOURCES.resolve("examples/" + TaskProcessingWorkflow.TYPE + ".json").toFile());
        assertThat(example.scope()).isEqualTo(DemoData.SCOPE);

        try (TestDatabase db = TestDatabase.h2()) {
            TaskResult result;
            try (PluginTestEnvironment env = start(db)) {
                result = env.execute(TaskProcessingWorkflow.TYPE, example, TaskResult.class);
            }

            assertThat(result).extracting(TaskResult::taskId, TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords, TaskResult::errorSummary)
                    .containsExactly("task_demo_events", TaskStatus.COMPLETED, 20L, 20L, 0L, null);
            db.execute("DELETE FROM events WHERE id = 'evt_demo_001'");

            try (PluginTestEnvironment restarted = start(db)) {
                TaskResult again = restarted.execute(TaskProcessingWorkflow.TYPE, example, TaskResult.class);

                assertThat(again).as("a restart does not make the demo task pending again").isEqualTo(result);
            }
            assertThat(db.rows("SELECT COUNT(*) AS events FROM events"))
                    .extracting(row -> ((Number) row.get("events")).longValue()).containsExactly(19L);
        }
    }

    @Test
    void theModuleIsFoundAsAServiceAndNamesItsTaskQueue() {
        assertThat(ServiceLoader.load(WorkflowModule.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(TaskModule.class);
        TaskModule module = new TaskModule();
        assertThat(module.name()).isEqualTo("task");
        assertThat(TaskModule.TASK_QUEUE).isEqualTo("task");
    }

    private static PluginTestEnvironment start(TestDatabase db) {
        return PluginTestEnvironment.builder().dataSource("default", db.dataSource()).start();
    }
}
