package dev.workerhost.host.workers;

import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.logging.PluginLogContext;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.util.Map;

/**
 * Makes the owning plugin's class loader the thread's context class loader around every workflow and activity
 * execution. The owner is found by task queue, since a task queue belongs to exactly one plugin. The plugin's log
 * lines carry the plugin, task queue, workflow id and run id in the MDC ({@link PluginLogContext}).
 */
final class PluginContextInterceptor extends WorkerInterceptorBase {

    private final Map<String, ClassLoader> loadersByTaskQueue;
    private final Map<String, String> pluginsByTaskQueue;

    PluginContextInterceptor(Map<String, ClassLoader> loadersByTaskQueue, Map<String, String> pluginsByTaskQueue) {
        this.loadersByTaskQueue = Map.copyOf(loadersByTaskQueue);
        this.pluginsByTaskQueue = Map.copyOf(pluginsByTaskQueue);
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInbound(next);
    }

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInbound(next);
    }

    private ClassLoader loaderOf(String taskQueue) {
        ClassLoader loader = loadersByTaskQueue.get(taskQueue);
        return loader == null ? Thread.currentThread().getContextClassLoader() : loader;
    }

    private final class WorkflowInbound extends WorkflowInboundCallsInterceptorBase {

        WorkflowInbound(WorkflowInboundCallsInterceptor next) {
            super(next);
        }

        /** Called on a workflow thread, where the workflow's info is at hand. */
        private ClassLoader loader() {
            return loaderOf(Workflow.getInfo().getTaskQueue());
        }

        private PluginLogContext logContext(WorkflowInfo info) {
            return PluginLogContext.open(pluginsByTaskQueue.get(info.getTaskQueue()), info.getTaskQueue(),
                    info.getWorkflowId(), info.getRunId());
        }

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader()); PluginLogContext log = logContext(Workflow.getInfo())) {
                return super.execute(input);
            }
        }

        @Override
        public void handleSignal(SignalInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader()); PluginLogContext log = logContext(Workflow.getInfo())) {
                super.handleSignal(input);
            }
        }

        @Override
        public QueryOutput handleQuery(QueryInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader())) {
                return super.handleQuery(input);
            }
        }

        @Override
        public UpdateOutput executeUpdate(UpdateInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader()); PluginLogContext log = logContext(Workflow.getInfo())) {
                return super.executeUpdate(input);
            }
        }

        @Override
        public Object newWorkflowMethodThread(Runnable runnable, String name) {
            ClassLoader loader = loader();
            WorkflowInfo info = Workflow.getInfo();
            return super.newWorkflowMethodThread(() -> {
                try (LoaderSwap swap = LoaderSwap.to(loader); PluginLogContext log = logContext(info)) {
                    runnable.run();
                }
            }, name);
        }
    }

    private final class ActivityInbound extends ActivityInboundCallsInterceptorBase {

        private ClassLoader loader;
        private ActivityInfo info;

        ActivityInbound(ActivityInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(ActivityExecutionContext context) {
            info = context.getInfo();
            loader = loaderOf(info.getActivityTaskQueue());
            super.init(context);
        }

        @Override
        public ActivityOutput execute(ActivityInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader);
                    PluginLogContext log = PluginLogContext.open(pluginsByTaskQueue.get(info.getActivityTaskQueue()),
                            info.getActivityTaskQueue(), info.getWorkflowId(), info.getRunId())) {
                return super.execute(input);
            }
        }
    }
}
