package dev.workerhost.host.workers;

import dev.workerhost.host.loading.LoaderSwap;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Makes the owning plugin's class loader the thread's context class loader around every workflow and activity
 * execution. The owner is found by task queue, since a task queue belongs to exactly one plugin.
 */
final class PluginContextInterceptor extends WorkerInterceptorBase {

    private final Map<String, ClassLoader> loadersByTaskQueue;

    PluginContextInterceptor(Map<String, ClassLoader> loadersByTaskQueue) {
        this.loadersByTaskQueue = Map.copyOf(loadersByTaskQueue);
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

        @Override
        public WorkflowOutput execute(WorkflowInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader())) {
                return super.execute(input);
            }
        }

        @Override
        public void handleSignal(SignalInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader())) {
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
            try (LoaderSwap swap = LoaderSwap.to(loader())) {
                return super.executeUpdate(input);
            }
        }

        @Override
        public Object newWorkflowMethodThread(Runnable runnable, String name) {
            ClassLoader loader = loader();
            return super.newWorkflowMethodThread(() -> {
                try (LoaderSwap swap = LoaderSwap.to(loader)) {
                    runnable.run();
                }
            }, name);
        }
    }

    private final class ActivityInbound extends ActivityInboundCallsInterceptorBase {

        private ClassLoader loader;

        ActivityInbound(ActivityInboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public void init(ActivityExecutionContext context) {
            loader = loaderOf(context.getInfo().getActivityTaskQueue());
            super.init(context);
        }

        @Override
        public ActivityOutput execute(ActivityInput input) {
            try (LoaderSwap swap = LoaderSwap.to(loader)) {
                return super.execute(input);
            }
        }
    }
}
