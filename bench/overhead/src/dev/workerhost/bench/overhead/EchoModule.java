package dev.workerhost.bench.overhead;

import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.SpiVersion;
import dev.workerhost.spi.WorkflowModule;

/** The overhead scenario's fixture plugin: the echo workflow and activity on task queue {@value #TASK_QUEUE}. */
public final class EchoModule implements WorkflowModule {

    static final String TASK_QUEUE = "bench-echo";

    @Override
    public String name() {
        return "bench-echo";
    }

    @Override
    public int spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public void register(ModuleContext context, Registrar registrar) {
        registrar.taskQueue(TASK_QUEUE).workflow(EchoWorkflowImpl.class).activities(new EchoActivitiesImpl());
    }
}
