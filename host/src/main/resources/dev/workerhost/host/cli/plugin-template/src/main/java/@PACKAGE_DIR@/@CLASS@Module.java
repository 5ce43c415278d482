package @PACKAGE@;

import com.google.auto.service.AutoService;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;

/** The @NAME@ plugin: @CLASS@Workflow on task queue @NAME@. Its configuration is plugins.@NAME@. */
@AutoService(WorkflowModule.class)
public final class @CLASS@Module implements WorkflowModule {

    @Override
    public String name() {
        return "@NAME@";
    }

    @Override
    public int spiVersion() {
        // Compiled in: the SPI this plugin was built against, which the host checks.
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        // Also called offline (worker-host plugins): declare, don't connect.
        registrar.taskQueue("@NAME@")
                .workflow(@CLASS@WorkflowImpl.class, WorkflowDefaults.standard()
                        .withWorkflowId(@CLASS@Input.class, input -> "@CLASS@Workflow-" + input.name()))
                .activities(new @CLASS@ActivitiesImpl(context.config().getString("salutation"),
                        context.meterRegistry().counter("@NAME@.greetings")));
    }
}
