package dev.workerhost.host.registry;

import dev.workerhost.spi.WorkflowDefaults;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The versioning behaviour a task queue's worker gives its workflow types when it runs as a Worker Deployment version.
 * The SDK takes one default per worker, and a type's {@code @WorkflowVersioningBehavior} on its workflow method over
 * it, so the types of one queue that carry no annotation must agree; a plugin whose types do not is refused while it
 * registers, versioning or not, so the author learns it from the test kit rather than from the first versioned host.
 */
final class QueueVersioningBehavior {

    /**
     * What a type that declares none gets: its runs move to the deployment's current version, as every run moves to
     * new code without versioning, so the replay guard and {@code Workflow.getVersion} keep their meaning.
     */
    static final VersioningBehavior UNDECLARED = VersioningBehavior.AUTO_UPGRADE;

    private final String taskQueue;
    /** The behaviour of each type the worker's default applies to (no annotation), by workflow type. */
    private final Map<String, VersioningBehavior> byType = new LinkedHashMap<>();

    QueueVersioningBehavior(String taskQueue) {
        this.taskQueue = taskQueue;
    }

    /** @throws IllegalArgumentException if the type contradicts its annotation or the queue's other types */
    void add(Class<?> implementationType, POJOWorkflowMethodMetadata method, WorkflowDefaults defaults) {
        String type = method.getName();
        Optional<VersioningBehavior> declared = defaults.versioningBehavior();
        VersioningBehavior annotated =
                POJOWorkflowImplMetadata.getVersioningBehaviorForMethod(implementationType, method);
        if (annotated != null) {
            if (declared.isPresent() && declared.get() != annotated) {
                throw new IllegalArgumentException("workflow type " + type + " declares the versioning behaviour "
                        + declared.get() + " in its WorkflowDefaults and " + annotated
                        + " with @WorkflowVersioningBehavior on " + implementationType.getName() + "."
                        + method.getWorkflowMethod().getName() + ": keep one of them");
            }
            return;
        }
        VersioningBehavior behavior = declared.orElse(UNDECLARED);
        byType.entrySet().stream().filter(other -> other.getValue() != behavior).findFirst().ifPresent(other -> {
            throw new IllegalArgumentException("task queue " + taskQueue + ": workflow types " + other.getKey()
                    + " (" + other.getValue() + ") and " + type + " (" + behavior + ") differ in versioning "
                    + "behaviour (" + UNDECLARED + " where WorkflowDefaults declares none), but a task queue's worker "
                    + "has one default: declare the same with WorkflowDefaults.withVersioningBehavior, put one type on "
                    + "a task queue of its own, or annotate its workflow method with @WorkflowVersioningBehavior");
        });
        byType.put(type, behavior);
    }

    VersioningBehavior workerDefault() {
        return byType.values().stream().findFirst().orElse(UNDECLARED);
    }
}
