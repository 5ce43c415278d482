package dev.workerhost.spi;

import io.temporal.worker.WorkflowImplementationOptions;

/**
 * Collects what a plugin runs. The host registers everything declared for a task queue on every worker that polls
 * it, so a task queue belongs to exactly one plugin.
 */
public interface Registrar {

    /** Declares a task queue of this plugin and returns the registration to fill. */
    TaskQueueRegistration taskQueue(String name);

    /** The workflows and activities of one task queue. */
    interface TaskQueueRegistration {

        /** Registers a workflow implementation type started with {@link WorkflowDefaults#standard()}. */
        default TaskQueueRegistration workflow(Class<?> implementationType) {
            return workflow(implementationType, WorkflowDefaults.standard());
        }

        /** Registers a workflow implementation type with the options every start of its type gets by default. */
        default TaskQueueRegistration workflow(Class<?> implementationType, WorkflowDefaults defaults) {
            return workflow(implementationType, defaults, WorkflowImplementationOptions.getDefaultInstance());
        }

        /**
         * Registers a workflow implementation type with its start defaults and the options the worker runs it with
         * (for instance {@link WorkflowImplementationOptions.Builder#setFailWorkflowExceptionTypes}, or activity
         * options by activity type).
         */
        TaskQueueRegistration workflow(
                Class<?> implementationType, WorkflowDefaults defaults, WorkflowImplementationOptions options);

        /** Registers activity implementation instances; each must implement an {@code @ActivityInterface}. */
        TaskQueueRegistration activities(Object... activityImplementations);
    }
}
