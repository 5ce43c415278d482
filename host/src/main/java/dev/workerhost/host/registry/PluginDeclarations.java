package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.WorkflowDefaults;
import io.temporal.common.metadata.POJOActivityImplMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.worker.WorkflowImplementationOptions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Registrar} one plugin fills during {@code register}. It only collects and reads Temporal's metadata of
 * the declared types (so an implementation without a workflow or activity interface fails here, inside
 * {@code register}); the registry checks the result against the other plugins and admits it as a whole.
 */
public final class PluginDeclarations implements Registrar {

    private final String plugin;
    private final ClassLoader pluginLoader;
    private final Map<String, Queue> queues = new LinkedHashMap<>();

    public PluginDeclarations(String plugin, ClassLoader pluginLoader) {
        this.plugin = requireNonNull(plugin, "plugin is null");
        this.pluginLoader = requireNonNull(pluginLoader, "pluginLoader is null");
    }

    @Override
    public TaskQueueRegistration taskQueue(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a task queue name must be a non-empty string");
        }
        return queues.computeIfAbsent(name, Queue::new);
    }

    List<String> taskQueues() {
        return List.copyOf(queues.keySet());
    }

    List<WorkflowRegistration> workflows() {
        return queues.values().stream().flatMap(queue -> queue.workflows.stream()).toList();
    }

    List<String> workflowTypes() {
        return workflows().stream().map(WorkflowRegistration::workflowType).toList();
    }

    /** Activity type name to the task queue it is registered on. */
    Map<String, String> activityTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        queues.values().forEach(queue -> queue.activityTypes.forEach(type -> types.put(type, queue.name)));
        return types;
    }

    /** What the plugin's workers register, one entry per task queue. */
    public List<QueueContents> contents() {
        return queues.values().stream()
                .map(queue -> new QueueContents(
                        queue.name, plugin, pluginLoader, queue.implementations, queue.activities,
                        queue.versioning.workerDefault()))
                .toList();
    }

    private final class Queue implements TaskQueueRegistration {

        private final String name;
        private final List<WorkflowRegistration> workflows = new ArrayList<>();
        private final Map<Class<?>, WorkflowImplementationOptions> implementations = new LinkedHashMap<>();
        private final List<Object> activities = new ArrayList<>();
        private final List<String> activityTypes = new ArrayList<>();
        private final QueueVersioningBehavior versioning;

        private Queue(String name) {
            this.name = name;
            this.versioning = new QueueVersioningBehavior(name);
        }

        @Override
        public TaskQueueRegistration workflow(
                Class<?> implementationType, WorkflowDefaults defaults, WorkflowImplementationOptions options) {
            requireNonNull(implementationType, "workflow implementation type is null");
            requireNonNull(defaults, "workflow defaults are null");
            requireNonNull(options, "workflow implementation options are null");
            for (POJOWorkflowMethodMetadata method :
                    POJOWorkflowImplMetadata.newInstance(implementationType).getWorkflowMethods()) {
                versioning.add(implementationType, method, defaults);
                workflows.add(new WorkflowRegistration(
                        method.getName(), name, plugin, implementationType, defaults, inputType(method)));
            }
            implementations.put(implementationType, options);
            return this;
        }

        @Override
        public TaskQueueRegistration activities(Object... activityImplementations) {
            for (Object activity : activityImplementations) {
                requireNonNull(activity, "activity implementation is null");
                POJOActivityImplMetadata.newInstance(activity.getClass()).getActivityMethods().stream()
                        .map(POJOActivityMethodMetadata::getActivityTypeName)
                        .forEach(activityTypes::add);
                activities.add(activity);
            }
            return this;
        }

        private static Optional<Class<?>> inputType(POJOWorkflowMethodMetadata method) {
            Method workflowMethod = method.getWorkflowMethod();
            return workflowMethod.getParameterCount() == 0
                    ? Optional.empty()
                    : Optional.of(workflowMethod.getParameterTypes()[0]);
        }
    }
}
