package dev.workerhost.plugins.task;

import com.google.auto.service.AutoService;
import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.task.activities.ImportMeters;
import dev.workerhost.plugins.task.activities.TaskActivitiesImpl;
import dev.workerhost.plugins.task.activities.TaskImporter;
import dev.workerhost.plugins.task.imports.ImportFiles;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.persistence.DemoTaskSeeder;
import dev.workerhost.plugins.task.persistence.TaskRepository;
import dev.workerhost.plugins.task.workflows.TaskProcessingWorkflow;
import dev.workerhost.plugins.task.workflows.TaskProcessingWorkflowImpl;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File imports: {@code TaskProcessingWorkflow} and its activities on the task queue {@code task}. */
@AutoService(WorkflowModule.class)
public final class TaskModule implements WorkflowModule {

    public static final String NAME = "task";
    public static final String TASK_QUEUE = "task";

    private static final Logger LOG = LoggerFactory.getLogger(TaskModule.class);

    /**
     * The import activity may take 4 h per attempt and retry, so the workflow gets a day. One import per task at a
     * time: the workflow id is derived from the task id.
     */
    private static final WorkflowDefaults WORKFLOW_DEFAULTS = WorkflowDefaults.standard()
            .withExecutionTimeout(Duration.ofDays(1))
            .withWorkflowId(TaskInput.class, input -> TaskProcessingWorkflow.TYPE + "-" + input.taskId());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        TaskSettings settings = TaskSettings.from(context.config());
        Transactions transactions = new Transactions(context.dataSource(settings.datasource()));
        TaskRepository tasks = new TaskRepository(transactions);
        ImportFiles files = new ImportFiles(settings.sources(), settings.connectTimeout());
        TaskImporter importer = new TaskImporter(
                files, transactions, tasks, settings.chunkSize(), new ImportMeters(context.meterRegistry()));
        registrar.taskQueue(TASK_QUEUE)
                .workflow(TaskProcessingWorkflowImpl.class, WORKFLOW_DEFAULTS)
                .activities(FailOnce.activities(new TaskActivitiesImpl(tasks, importer)));
    }

    @Override
    public void start(ModuleContext context) {
        TaskSettings settings = TaskSettings.from(context.config());
        DataSource dataSource = context.dataSource(settings.datasource());
        int applied = DomainSchema.migrate(dataSource);
        LOG.info("task plugin: schema current on datasource {} ({} migrations applied)",
                settings.datasource(), applied);
        if (DemoData.enabled(context.config(), dataSource)) {
            seedDemoTask(dataSource, settings);
        }
    }

    private static void seedDemoTask(DataSource dataSource, TaskSettings settings) {
        if (!Files.isRegularFile(settings.demoFile())) {
            LOG.warn("task plugin: the demo task's file {} does not exist; set plugins.task.demo-file",
                    settings.demoFile());
        }
        boolean seeded = new DemoTaskSeeder(new Transactions(dataSource)).seed(
                settings.demoFile().toUri().toString(), settings.demoFile().getFileName().toString());
        if (seeded) {
            LOG.info("task plugin: demo import task {} added for {}, reading {}",
                    DemoTaskSeeder.TASK_ID, DemoData.SCOPE, settings.demoFile());
        }
    }
}
