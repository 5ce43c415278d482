package dev.workerhost.plugins.task;

import com.typesafe.config.ConfigUtil;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.workflows.TaskProcessingWorkflow;
import dev.workerhost.testkit.PluginTestEnvironment;
import dev.workerhost.testkit.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The task plugin running on the SDK's test server against a database of its own, with helpers to put task rows
 * and files in place the way an operator would (plain SQL, plain files) and to read back what the import left.
 */
final class TaskFixture implements AutoCloseable {

    static final String TENANT = "tenant_1";
    static final String ENVIRONMENT = "env_1";

    final TestDatabase db;
    final PluginTestEnvironment env;
    private final Path dir;

    private TaskFixture(TestDatabase db, PluginTestEnvironment env, Path dir) {
        this.db = db;
        this.env = env;
        this.dir = dir;
    }

    /**
     * Small chunks so that a few records already span several transactions; files come from {@code dir} only.
     */
    static TaskFixture start(TestDatabase.Engine engine, Path dir) {
        return start(engine, dir, "");
    }

    /** As {@link #start(TestDatabase.Engine, Path)}, with {@code config} (HOCON) over those settings. */
    static TaskFixture start(TestDatabase.Engine engine, Path dir, String config) {
        TestDatabase db = TestDatabase.create(engine);
        try {
            PluginTestEnvironment env = PluginTestEnvironment.builder()
                    .dataSource("default", db.dataSource())
                    .config("plugins.task { chunk-size = 3, demo-data = false, sources.folders = ["
                            + ConfigUtil.quoteString(dir.toString()) + "] }\n" + config)
                    .start();
            return new TaskFixture(db, env, dir);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Writes a file into the test's folder and returns its {@code file:} URL. */
    String file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file.toUri().toString();
    }

    void insertTask(String id, String tenant, String entityType, String fileUrl, String fileType) {
        db.execute("INSERT INTO tasks (id, tenant_id, environment_id, entity_type, file_url, file_type) VALUES ('"
                + id + "', '" + tenant + "', '" + ENVIRONMENT + "', '" + entityType + "', '" + fileUrl + "', "
                + (fileType == null ? "NULL" : "'" + fileType + "'") + ")");
    }

    void insertTask(String id, String entityType, String fileUrl) {
        insertTask(id, TENANT, entityType, fileUrl, null);
    }

    TaskResult run(String taskId) {
        return env.execute(TaskProcessingWorkflow.TYPE, new TaskInput(taskId, TENANT, ENVIRONMENT), TaskResult.class);
    }

    /** How many attempts the task's last run gave its {@code ProcessTask} activity. */
    int importAttempts(String taskId) {
        List<Integer> attempts = env.history(TaskProcessingWorkflow.TYPE + "-" + taskId).activityAttempts("ProcessTask");
        return attempts.get(attempts.size() - 1);
    }

    /** The plugin's counter {@code task.import.rows} for one outcome and entity type. */
    double importedRows(String outcome, String entityType) {
        return env.meterRegistry().get("task.import.rows").tag("outcome", outcome).tag("entity_type", entityType)
                .counter().count();
    }

    Map<String, Object> task(String id) {
        return db.rows("SELECT * FROM tasks WHERE id = ?", id).get(0);
    }

    long count(String sql, Object... parameters) {
        return ((Number) db.rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    @Override
    public void close() {
        try {
            env.close();
        } finally {
            db.close();
        }
    }
}
