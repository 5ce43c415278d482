package dev.workerhost.host.workers;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Map;
import java.util.function.Supplier;

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

    private static <T> T withLoader(ClassLoader loader, Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
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
            return withLoader(loader(), () -> super.execute(input));
        }

        @Override
        public void handleSignal(SignalInput input) {
            withLoader(loader(), () -> {
                super.handleSignal(input);
                return null;
            });
        }

        @Override
        public QueryOutput handleQuery(QueryInput input) {
            return withLoader(loader(), () -> super.handleQuery(input));
        }

        @Override
        public UpdateOutput executeUpdate(UpdateInput input) {
            return withLoader(loader(), () -> super.executeUpdate(input));
        }

        @Override
        public Object newWorkflowMethodThread(Runnable runnable, String name) {
            ClassLoader loader = loader();
            return super.newWorkflowMethodThread(() -> withLoader(loader, () -> {
                runnable.run();
                return null;
            }), name);
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
            return withLoader(loader, () -> super.execute(input));
        }
    }
}
