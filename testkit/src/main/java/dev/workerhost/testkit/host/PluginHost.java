package dev.workerhost.testkit.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.host.loading.LoaderSwap;
import dev.workerhost.host.registry.WorkflowInputs;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.host.runtime.PluginLifecycle;
import dev.workerhost.spi.Json;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.testkit.WorkflowDescription;
import dev.workerhost.testkit.WorkflowStatus;
import dev.workerhost.testkit.bridge.RunningHost;
import dev.workerhost.testkit.bridge.StartRequest;
import dev.workerhost.testkit.bridge.StartedRun;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A plugin the host's lifecycle runs on a test server: starts go through the host's starter, everything else through
 * the server's client. Every call runs with the host side as context class loader, and what it throws is translated
 * into the test side's exceptions.
 */
final class PluginHost implements RunningHost {

    private final PluginLifecycle plugins;
    private final TestWorkflowEnvironment temporal;

    PluginHost(PluginLifecycle plugins, TestWorkflowEnvironment temporal) {
        this.plugins = plugins;
        this.temporal = temporal;
    }

    @Override
    public StartedRun start(StartRequest request) {
        try (LoaderSwap swap = hostSide()) {
            StartedWorkflow started = request.checked() ? startChecked(request) : startUnchecked(request);
            return new StartedRun(started.workflowId(), started.runId(), started.taskQueue());
        } catch (RuntimeException e) {
            throw HostExceptionTranslator.translate(e);
        }
    }

    private StartedWorkflow startChecked(StartRequest request) {
        Object input = request.input().map(json -> WorkflowInputs.parse(registration(request), json)).orElse(null);
        return plugins.workflows().start(request.workflowType(), input,
                new StartOptions(request.workflowId(), request.taskQueue(), request.cronSchedule()));
    }

    /** What a plain Temporal client sends: the JSON as it is, on the type's task queue, with no other option. */
    private StartedWorkflow startUnchecked(StartRequest request) {
        WorkflowRegistration workflow = registration(request);
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
                .setTaskQueue(request.taskQueue().orElse(workflow.taskQueue()));
        request.workflowId().ifPresent(options::setWorkflowId);
        WorkflowStub stub = client().newUntypedWorkflowStub(request.workflowType(), options.build());
        if (request.input().isEmpty()) {
            stub.start();
        } else {
            stub.start(tree(request.input().get()));
        }
        return new StartedWorkflow(stub);
    }

    private static JsonNode tree(String json) {
        try {
            return Json.reader().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the input is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private WorkflowRegistration registration(StartRequest request) {
        return plugins.registry().workflow(request.workflowType()).orElseThrow(() -> new IllegalArgumentException(
                "unknown workflow type " + request.workflowType() + "; known types: "
                        + plugins.registry().workflowTypes()));
    }

    @Override
    public String result(String workflowId, Optional<String> runId, Optional<Duration> timeout) throws TimeoutException {
        try (LoaderSwap swap = hostSide()) {
            WorkflowStub stub = client().newUntypedWorkflowStub(workflowId, runId, Optional.empty());
            JsonNode result = timeout.isPresent()
                    ? stub.getResult(timeout.get().toMillis(), TimeUnit.MILLISECONDS, JsonNode.class)
                    : stub.getResult(JsonNode.class);
            return Json.writer().writeValueAsString(result);
        } catch (RuntimeException e) {
            throw HostExceptionTranslator.translate(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of " + workflowId + " as JSON: " + e.getMessage());
        }
    }

    @Override
    public Optional<WorkflowDescription> describe(String workflowId, Optional<String> runId) {
        try (LoaderSwap swap = hostSide()) {
            WorkflowExecutionDescription described =
                    client().newUntypedWorkflowStub(workflowId, runId, Optional.empty()).describe();
            return Optional.of(new WorkflowDescription(workflowId, described.getExecution().getRunId(),
                    described.getWorkflowType(), described.getTaskQueue(),
                    WorkflowStatus.valueOf(described.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", ""))));
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw HostExceptionTranslator.translate(e);
        }
    }

    @Override
    public void terminate(String workflowId, String reason) {
        try (LoaderSwap swap = hostSide()) {
            client().newUntypedWorkflowStub(workflowId).terminate(reason);
        } catch (RuntimeException e) {
            throw HostExceptionTranslator.translate(e);
        }
    }

    @Override
    public String history(String workflowId) {
        try (LoaderSwap swap = hostSide()) {
            return client().fetchHistory(workflowId).toJson(true);
        } catch (RuntimeException e) {
            throw HostExceptionTranslator.translate(e);
        }
    }

    @Override
    public Instant currentTime() {
        return Instant.ofEpochMilli(temporal.currentTimeMillis());
    }

    @Override
    public void sleep(Duration duration) {
        try (LoaderSwap swap = hostSide()) {
            temporal.sleep(duration);
        }
    }

    @Override
    public void close() {
        try (LoaderSwap swap = hostSide()) {
            plugins.close();
        } finally {
            temporal.close();
        }
    }

    private WorkflowClient client() {
        return temporal.getWorkflowClient();
    }

    private static LoaderSwap hostSide() {
        return LoaderSwap.to(PluginHost.class.getClassLoader());
    }
}
