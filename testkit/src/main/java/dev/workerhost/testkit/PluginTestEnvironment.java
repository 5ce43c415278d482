package dev.workerhost.testkit;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.ModuleContext;
import dev.workerhost.spi.Registrar;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.Validatable;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;
import dev.workerhost.spi.WorkflowStarter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Runs one {@link WorkflowModule} on the SDK's in-memory test server, the way the host runs it: the module's
 * {@code register} and {@code start} are called with a context built from its {@code reference.conf} and the given
 * overrides and datasources, one worker per declared task queue, and workflows are started by type name with the
 * type's {@link WorkflowDefaults}.
 *
 * <pre>{@code
 * try (var env = PluginTestEnvironment.builder(new TaskModule()).dataSource("default", db.dataSource()).start()) {
 *     TaskResult result = env.execute("TaskProcessingWorkflow", input, TaskResult.class);
 * }
 * }</pre>
 */
public final class PluginTestEnvironment implements AutoCloseable {

    private record RegisteredType(String taskQueue, WorkflowDefaults defaults) {
    }

    private final WorkflowModule module;
    private final TestWorkflowEnvironment temporal;
    private final Context context;
    private final Map<String, RegisteredType> workflowTypes = new TreeMap<>();
    private final Map<String, Worker> workers = new HashMap<>();

    private PluginTestEnvironment(Builder builder) {
        this.module = builder.module;
        // the host's data converter, so a test decodes inputs and results as strictly as a host's worker does
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder().setWorkflowClientOptions(
                WorkflowClientOptions.newBuilder().setDataConverter(Json.dataConverter()).build());
        if (builder.target == null) {
            options.setUseTimeskipping(builder.timeSkipping);
        } else {
            options.setUseExternalService(true).setTarget(builder.target).setUseTimeskipping(false);
        }
        this.temporal = TestWorkflowEnvironment.newInstance(options.build());
        Config config = ConfigFactory.parseString(builder.configOverrides)
                .withFallback(ConfigFactory.parseResources(module.getClass().getClassLoader(), "reference.conf"))
                .resolve();
        String path = "plugins." + module.name();
        this.context = new Context(
                config.hasPath(path) ? config.getConfig(path) : ConfigFactory.empty(), builder.dataSources);
    }

    public static Builder builder(WorkflowModule module) {
        return new Builder(module);
    }

    /** The client of the test server, e.g. for typed stubs or to describe executions. */
    public WorkflowClient client() {
        return temporal.getWorkflowClient();
    }

    /** The test server itself, e.g. to skip time with {@code sleep}. */
    public TestWorkflowEnvironment temporal() {
        return temporal;
    }

    /** Starts workflows by type name, as the module's context does. */
    public WorkflowStarter workflows() {
        return context;
    }

    /** The meters the module registered. */
    public MeterRegistry meterRegistry() {
        return context.meterRegistry;
    }

    /** Starts a workflow by type name with its registered defaults and waits for its result. */
    public <R> R execute(String workflowType, Object input, Class<R> resultType) {
        return context.start(workflowType, input, StartOptions.defaults()).result(resultType);
    }

    /** The attempt number of the latest run of {@code workflowId}: 1 unless its retry policy started it again. */
    public int workflowAttempt(String workflowId) {
        return client().fetchHistory(workflowId).getEvents().get(0)
                .getWorkflowExecutionStartedEventAttributes().getAttempt();
    }

    /**
     * The attempt number of each activity that the latest run of {@code workflowId} started, in order: a failure
     * that was not retried shows as attempt 1 (Temporal records only the last attempt of a retried activity).
     */
    public List<Integer> activityAttempts(String workflowId) {
        return client().fetchHistory(workflowId).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
                .map(event -> event.getActivityTaskStartedEventAttributes().getAttempt())
                .toList();
    }

    @Override
    public void close() {
        try {
            module.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing plugin " + module.name() + " failed", e);
        } finally {
            temporal.close();
        }
    }

    private PluginTestEnvironment startModule() {
        module.register(context, this::taskQueue);
        try {
            module.start(context);
        } catch (Exception e) {
            temporal.close();
            throw new IllegalStateException("plugin " + module.name() + " failed to start", e);
        }
        temporal.start();
        return this;
    }

    private Registrar.TaskQueueRegistration taskQueue(String name) {
        Worker worker = workers.computeIfAbsent(name, temporal::newWorker);
        return new Registrar.TaskQueueRegistration() {
            @Override
            public Registrar.TaskQueueRegistration workflow(
                    Class<?> implementationType, WorkflowDefaults defaults, WorkflowImplementationOptions options) {
                worker.registerWorkflowImplementationTypes(options, implementationType);
                for (POJOWorkflowMethodMetadata method :
                        POJOWorkflowImplMetadata.newInstance(implementationType).getWorkflowMethods()) {
                    workflowTypes.put(method.getName(), new RegisteredType(name, defaults));
                }
                return this;
            }

            @Override
            public Registrar.TaskQueueRegistration activities(Object... activityImplementations) {
                worker.registerActivitiesImplementations(activityImplementations);
                return this;
            }
        };
    }

    /** The module's view of this environment. */
    private final class Context implements ModuleContext, WorkflowStarter {
        private final Config config;
        private final Map<String, DataSource> dataSources;
        private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

        Context(Config config, Map<String, DataSource> dataSources) {
            this.config = config;
            this.dataSources = dataSources;
        }

        @Override
        public String pluginName() {
            return module.name();
        }

        @Override
        public Config config() {
            return config;
        }

        @Override
        public DataSource dataSource(String name) {
            DataSource dataSource = dataSources.get(name);
            if (dataSource == null) {
                throw new IllegalArgumentException(
                        "no datasource named '" + name + "'; the test configured " + dataSources.keySet());
            }
            return dataSource;
        }

        @Override
        public MeterRegistry meterRegistry() {
            return meterRegistry;
        }

        @Override
        public WorkflowStarter workflows() {
            return this;
        }

        @Override
        public WorkflowClient workflowClient() {
            return client();
        }

        @Override
        public StartedWorkflow start(String workflowType, Object input, StartOptions options) {
            RegisteredType type = workflowTypes.get(workflowType);
            if (type == null) {
                throw new IllegalArgumentException(
                        "unknown workflow type " + workflowType + "; registered: " + workflowTypes.keySet());
            }
            if (input instanceof Validatable) {
                ((Validatable) input).validate();
            }
            WorkflowStub stub = client().newUntypedWorkflowStub(
                    workflowType, type.defaults().toWorkflowOptions(workflowType, type.taskQueue(), input, options));
            stub.start(input);
            return new StartedWorkflow(stub);
        }
    }

    /** Chooses the configuration, datasources and clock of the environment. */
    public static final class Builder {
        private final WorkflowModule module;
        private final Map<String, DataSource> dataSources = new HashMap<>();
        private String configOverrides = "";
        private boolean timeSkipping = true;
        private String target;

        private Builder(WorkflowModule module) {
            this.module = requireNonNull(module, "module is null");
        }

        /** HOCON with full paths ({@code plugins.<name>.x = ...}) over the module's {@code reference.conf}. */
        public Builder config(String hocon) {
            this.configOverrides = requireNonNull(hocon, "hocon is null");
            return this;
        }

        public Builder dataSource(String name, DataSource dataSource) {
            dataSources.put(name, dataSource);
            return this;
        }

        /**
         * Runs against the Temporal server at {@code hostPort} instead of an in-process one, in real time: for
         * instance a {@code TestServer.createPortBoundServer} that the test stops and starts again.
         */
        public Builder target(String hostPort) {
            this.target = requireNonNull(hostPort, "hostPort is null");
            return this;
        }

        /** Time-skipping is on by default: timers fire as soon as every workflow waits. */
        public Builder timeSkipping(boolean enabled) {
            this.timeSkipping = enabled;
            return this;
        }

        /** Registers and starts the module, then starts the workers. */
        public PluginTestEnvironment start() {
            return new PluginTestEnvironment(this).startModule();
        }
    }
}
