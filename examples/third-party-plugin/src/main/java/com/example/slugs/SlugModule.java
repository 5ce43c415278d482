package com.example.slugs;

import com.google.auto.service.AutoService;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowModule;

/** The slugs plugin: SlugWorkflow on task queue slugs turns a title into a URL slug. */
@AutoService(WorkflowModule.class)
public final class SlugModule implements WorkflowModule {

    @Override
    public String name() {
        return "slugs";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        registrar.taskQueue("slugs")
                .workflow(SlugWorkflowImpl.class)
                .activities(new SlugActivitiesImpl(context.config().getInt("max-length")));
    }
}
