package dev.workerhost.host.temporal;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.temporal.api.taskqueue.v1.StickyExecutionAttributes;
import io.temporal.api.workflowservice.v1.ShutdownWorkerRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.internal.testservice.TestWorkflowService;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded server what a Temporal cluster does when a worker shuts down: its sticky task queue is
 * released, so the next workflow task of a workflow that worker had cached goes to the workflow's task queue, where
 * the workers that still poll (e.g. a plugin's new version) pick it up. The SDK's test server answers
 * {@code ShutdownWorker} without doing anything and never times out a task waiting on a sticky queue, so without
 * this a workflow cached by a plugin version that was removed or upgraded would wait forever. The test server keeps
 * its executions private: this reaches them by reflection, and does nothing (with one WARN) where that fails.
 */
final class ShutdownWorkerReleasesStickyQueue implements ServerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownWorkerReleasesStickyQueue.class);

    private final TestWorkflowService service;

    ShutdownWorkerReleasesStickyQueue(TestWorkflowService service) {
        this.service = service;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (!call.getMethodDescriptor().getFullMethodName()
                .equals(WorkflowServiceGrpc.getShutdownWorkerMethod().getFullMethodName())) {
            return listener;
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                release(((ShutdownWorkerRequest) message).getStickyTaskQueue());
                super.onMessage(message);
            }
        };
    }

    private void release(String stickyTaskQueue) {
        if (stickyTaskQueue.isEmpty()) {
            return;
        }
        try {
            for (Object execution : executions()) {
                Field sticky = execution.getClass().getField("stickyExecutionAttributes");
                sticky.setAccessible(true);
                StickyExecutionAttributes attributes = (StickyExecutionAttributes) sticky.get(execution);
                if (attributes != null && attributes.getWorkerTaskQueue().getName().equals(stickyTaskQueue)) {
                    sticky.set(execution, null);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot release sticky task queue {} of a worker that shut down: {}", stickyTaskQueue,
                    e.toString());
        }
    }

    private List<Object> executions() throws ReflectiveOperationException {
        Field executions = TestWorkflowService.class.getDeclaredField("executions");
        executions.setAccessible(true);
        Field lock = TestWorkflowService.class.getDeclaredField("lock");
        lock.setAccessible(true);
        Lock serviceLock = (Lock) lock.get(service);
        serviceLock.lock();
        try {
            return List.copyOf(((Map<?, ?>) executions.get(service)).values());
        } finally {
            serviceLock.unlock();
        }
    }
}
