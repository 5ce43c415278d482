package dev.workerhost.testkit;

import static java.util.Objects.requireNonNull;

import dev.workerhost.spi.StartOptions;
import dev.workerhost.testkit.bridge.PluginSetup;
import dev.workerhost.testkit.bridge.RecordedHistory;
import dev.workerhost.testkit.bridge.RunningHost;
import dev.workerhost.testkit.bridge.StartRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The plugin under test, run by the host's own code: loaded in a plugin class loader with the host's sharing rules
 * (its classes and its own runtime libraries, as its plugin folder will hold them), registered and checked as the
 * host does, started by the host's starter on the SDK's test server and served by the host's workers. So a plugin
 * that the host runs passes, and one the host would refuse fails with the host's message
 * ({@link PluginRefusedException}).
 *
 * <p>The host side (host, Temporal, gRPC, Guava, Jackson) runs in a class loader of its own with the host's library
 * versions, never the plugin's; inputs and results cross to it as JSON, so tests use the plugin's records:
 *
 * <pre>{@code
 * try (TestDatabase db = TestDatabase.h2();
 *         PluginTestEnvironment env = PluginTestEnvironment.builder().dataSource("default", db.dataSource()).start()) {
 *     TaskResult result = env.execute("TaskProcessingWorkflow", input, TaskResult.class);
 * }
 * }</pre>
 */
public final class PluginTestEnvironment implements AutoCloseable {

    private final RunningHost host;
    private final MeterRegistry meters;

    private PluginTestEnvironment(RunningHost host, MeterRegistry meters) {
        this.host = host;
        this.meters = meters;
    }

    /** The plugin this build makes: its compiled classes and its runtime libraries. */
    public static Builder builder() {
        return new Builder(PluginUnderTest.ofThisBuild());
    }

    /** A plugin as it lies in a plugins folder: a jar, or a folder of jars (e.g. {@code target/plugin/<name>}). */
    public static Builder builder(Path jarOrFolder) {
        return new Builder(PluginUnderTest.at(jarOrFolder));
    }

    /**
     * Starts a workflow by type name with the type's defaults and waits for its result.
     *
     * @throws dev.workerhost.spi.ValidationError if the input is invalid
     * @throws FailedWorkflowException if the run closed without a result
     */
    public <R> R execute(String workflowType, Object input, Class<R> resultType) {
        return start(workflowType, input).result(resultType);
    }

    /**
     * Starts a workflow as the host's starter does ({@code context.workflows()}): the input is validated, the task
     * queue, timeouts, retry policy and id come from the type's registration.
     *
     * @throws IllegalArgumentException if no plugin registers {@code workflowType}
     * @throws dev.workerhost.spi.ValidationError if the input is invalid
     * @throws WorkflowAlreadyRunningException if a workflow with the same id is running
     */
    public WorkflowRun start(String workflowType, Object input) {
        return start(workflowType, input, StartOptions.defaults());
    }

    /** Like {@link #start(String, Object)}, with the caller's id, task queue or cron schedule. */
    public WorkflowRun start(String workflowType, Object input, StartOptions options) {
        return send(workflowType, input, options, true);
    }

    /**
     * Starts a workflow the way a plain Temporal client would: nothing checked before sending, no defaults but the
     * type's task queue. For tests of what a workflow does with input no starter of the host would send.
     */
    public WorkflowRun startUnchecked(String workflowType, Object input) {
        return startUnchecked(workflowType, input, StartOptions.defaults());
    }

    /** Like {@link #startUnchecked(String, Object)}, with the caller's id or task queue (its cron is ignored). */
    public WorkflowRun startUnchecked(String workflowType, Object input, StartOptions options) {
        return send(workflowType, input, options, false);
    }

    private WorkflowRun send(String workflowType, Object input, StartOptions options, boolean checked) {
        Optional<String> json = Optional.ofNullable(input).map(TestSideJson::write);
        return new WorkflowRun(host, host.start(new StartRequest(workflowType, json, options.workflowId(),
                options.taskQueue(), options.cronSchedule(), checked)));
    }

    /**
     * Waits for the latest run of {@code workflowId}, e.g. one the plugin started, and returns its result.
     *
     * @throws FailedWorkflowException if the run closed without a result
     */
    public <R> R result(String workflowId, Class<R> resultType) {
        try {
            return TestSideJson.read(host.result(workflowId, Optional.empty(), Optional.empty()), resultType);
        } catch (TimeoutException e) {
            throw new IllegalStateException("waiting without a timeout timed out", e);
        }
    }

    /** The latest run of {@code workflowId}; empty if the server has no workflow of that id. */
    public Optional<WorkflowDescription> describe(String workflowId) {
        return host.describe(workflowId, Optional.empty());
    }

    /** One run of {@code workflowId}. */
    public Optional<WorkflowDescription> describe(String workflowId, String runId) {
        return host.describe(workflowId, Optional.of(runId));
    }

    /** Terminates the latest run of {@code workflowId}. */
    public void terminate(String workflowId, String reason) {
        host.terminate(workflowId, reason);
    }

    /** The history of the latest run of {@code workflowId}. */
    public WorkflowHistory history(String workflowId) {
        return new WorkflowHistory(host.history(workflowId));
    }

    /** The server's clock: ahead of the wall clock once time was skipped. */
    public Instant currentTime() {
        return host.currentTime();
    }

    /** Lets {@code duration} pass on the server's clock: at once when time is skipped. */
    public void sleep(Duration duration) {
        host.sleep(duration);
    }

    /** The meters the plugin registered (each tagged {@code plugin=<name>}, as in the host). */
    public MeterRegistry meterRegistry() {
        return meters;
    }

    /** Drains the workers and closes the plugin as the host does, then stops the server. */
    @Override
    public void close() {
        host.close();
    }

    /** Chooses the configuration, datasources and Temporal server of the environment. */
    public static final class Builder {
        private final PluginUnderTest plugin;
        private final Map<String, DataSource> dataSources = new HashMap<>();
        private String config = "";
        private boolean timeSkipping = true;
        private Optional<String> target = Optional.empty();

        private Builder(PluginUnderTest plugin) {
            this.plugin = plugin;
        }

        /**
         * HOCON over the host's defaults and the plugin's {@code reference.conf}, as in the host's
         * {@code application.conf}: {@code plugins.<name>.x = ...}, and {@code host.*} or {@code workers.*} keys.
         */
        public Builder config(String hocon) {
            this.config = requireNonNull(hocon, "hocon is null");
            return this;
        }

        /** What the plugin gets from {@code context.dataSource(name)}. */
        public Builder dataSource(String name, DataSource dataSource) {
            dataSources.put(requireNonNull(name, "name is null"), requireNonNull(dataSource, "dataSource is null"));
            return this;
        }

        /**
         * Runs against the Temporal server at {@code hostPort} instead of an in-process one, in real time: for
         * instance a {@link TestTemporalServer} that several environments (hosts) share.
         */
        public Builder target(String hostPort) {
            this.target = Optional.of(requireNonNull(hostPort, "hostPort is null"));
            return this;
        }

        /** Time-skipping is on by default: timers fire as soon as every workflow waits. */
        public Builder timeSkipping(boolean enabled) {
            this.timeSkipping = enabled;
            return this;
        }

        /**
         * Installs the plugin as the host does, runs its {@code start}, then starts the workers.
         *
         * @throws PluginRefusedException with the host's message if the host would refuse the plugin
         */
        public PluginTestEnvironment start() {
            MeterRegistry meters = new SimpleMeterRegistry();
            return new PluginTestEnvironment(HostSideLoader.hostSide().start(setup(meters)), meters);
        }

        /**
         * Replays recorded histories against the plugin's current workflow code, registered as the host registers
         * it offline (no database, no {@code start}): each {@code .json} file of {@code fileOrFolder}.
         *
         * @return the histories replayed
         * @throws ReplayFailedException naming each history the current code does not replay, and why
         * @throws IllegalArgumentException if there is no history to replay
         */
        public List<Path> replay(Path fileOrFolder) {
            List<Path> files = historyFiles(fileOrFolder);
            List<RecordedHistory> histories = files.stream()
                    .map(file -> new RecordedHistory(file.toString(), read(file)))
                    .toList();
            HostSideLoader.hostSide().replay(setup(new SimpleMeterRegistry()), histories);
            return files;
        }

        private PluginSetup setup(MeterRegistry meters) {
            return new PluginSetup(plugin.location(), plugin.classPath(), config, dataSources, meters, target,
                    timeSkipping);
        }

        private static List<Path> historyFiles(Path fileOrFolder) {
            if (Files.isRegularFile(fileOrFolder)) {
                return List.of(fileOrFolder);
            }
            try (Stream<Path> files = Files.list(fileOrFolder)) {
                List<Path> histories = files.filter(file -> file.getFileName().toString().endsWith(".json"))
                        .sorted().toList();
                if (histories.isEmpty()) {
                    throw new IllegalArgumentException("no histories (*.json) in " + fileOrFolder
                            + ": record one with env.history(workflowId).writeTo(file)");
                }
                return histories;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read histories from " + fileOrFolder + ": " + e, e);
            }
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read history " + file, e);
            }
        }
    }
}
