package dev.workerhost.plugins.plan;

import com.google.auto.service.AutoService;
import dev.workerhost.plugins.domain.DemoData;
import dev.workerhost.plugins.domain.DomainSchema;
import dev.workerhost.plugins.domain.FailOnce;
import dev.workerhost.plugins.domain.Transactions;
import dev.workerhost.plugins.plan.activities.PriceSyncActivitiesImpl;
import dev.workerhost.plugins.plan.activities.SyncMeters;
import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.persistence.PlanDemoData;
import dev.workerhost.plugins.plan.workflows.PriceSyncWorkflowImpl;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;
import java.time.Instant;
import javax.sql.DataSource;

/** The plan plugin: {@code PriceSyncWorkflow} on task queue {@code plan}. */
@AutoService(WorkflowModule.class)
public final class PlanModule implements WorkflowModule {

    public static final String TASK_QUEUE = "plan";

    @Override
    public String name() {
        return "plan";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        PlanSettings settings = PlanSettings.from(context.config());
        DataSource dataSource = context.dataSource(settings.datasource());
        registrar.taskQueue(TASK_QUEUE)
                .workflow(PriceSyncWorkflowImpl.class, WorkflowDefaults.standard()
                        // One sync per plan at a time: a second start while one runs is refused as already running.
                        .withWorkflowId(PriceSyncInput.class, input -> "PriceSyncWorkflow-" + input.planId()))
                .activities(FailOnce.activities(new PriceSyncActivitiesImpl(new Transactions(dataSource),
                        settings.pageSize(), settings.pagesPerRun(), new SyncMeters(context.meterRegistry()))));
    }

    @Override
    public void start(ModuleContext context) {
        DataSource dataSource = context.dataSource(PlanSettings.from(context.config()).datasource());
        DomainSchema.migrate(dataSource);
        if (DemoData.enabled(context.config(), dataSource)) {
            new PlanDemoData(new Transactions(dataSource)).seed(Instant.now());
        }
    }
}
