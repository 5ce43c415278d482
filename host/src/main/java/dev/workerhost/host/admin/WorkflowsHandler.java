package dev.workerhost.host.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.WorkflowInputs;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.host.temporal.TemporalWorkflowStarter;
import dev.workerhost.host.temporal.WorkflowOutcomes;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.ValidationError;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code POST /workflows/{type}} starts a workflow with the JSON body as input (optional {@code ?id=} as the CLI's
 * {@code --id}), parsed and validated like the CLI does before anything is sent; {@code GET /workflows/{id}} shows
 * an execution like {@code workflow show}.
 */
final class WorkflowsHandler implements HttpHandler {

    static final String PATH = "/workflows/";

    private final HostStatus status;

    WorkflowsHandler(HostStatus status) {
        this.status = status;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring(PATH.length());
        if (name.isEmpty()) {
            Exchanges.sendError(exchange, 404, "no workflow named",
                    "POST /workflows/{type} starts one, GET /workflows/{id} shows one");
            return;
        }
        if (!Exchanges.methodIs(exchange, "GET", "POST")) {
            return;
        }
        Optional<WorkflowClient> client = status.temporal();
        if (client.isEmpty()) {
            Exchanges.sendError(exchange, 503, "the host is not connected to Temporal at " + status.temporalAddress()
                    + " yet", "wait until GET /ready answers 200");
            return;
        }
        try {
            if (exchange.getRequestMethod().equals("POST")) {
                start(exchange, client.get(), name);
            } else {
                Exchanges.sendJson(exchange, 200, new WorkflowOutcomes(client.get()).show(name));
            }
        } catch (RuntimeException e) {
            Optional<Status> grpcStatus = grpcStatus(e);
            if (grpcStatus.isEmpty()) {
                throw e;
            }
            if (grpcStatus.get().getCode() == Status.Code.NOT_FOUND) {
                Exchanges.sendError(exchange, 404, "no workflow execution with id " + name,
                        "check the id: POST /workflows/{type} answered it as workflow_id");
            } else {
                Exchanges.sendError(exchange, 503, "Temporal at " + status.temporalAddress() + " did not answer: "
                        + grpcStatus.get().getCode(), "try again once GET /ready answers 200");
            }
        }
    }

    /** The status of the gRPC call that failed, if a call to Temporal is what failed. */
    private static Optional<Status> grpcStatus(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                return Optional.of(grpc.getStatus());
            }
        }
        return Optional.empty();
    }

    private void start(HttpExchange exchange, WorkflowClient client, String workflowType) throws IOException {
        PluginRegistry registry = status.registry();
        Optional<WorkflowRegistration> workflow = registry.workflow(workflowType);
        if (workflow.isEmpty()) {
            Exchanges.sendError(exchange, 404, "unknown workflow type " + workflowType,
                    "known types: " + registry.workflowTypes());
            return;
        }
        Optional<String> body = Exchanges.readBody(exchange);
        if (body.isEmpty()) {
            return;
        }
        StartOptions options = StartOptions.defaults();
        Optional<String> workflowId = Exchanges.queryParameter(exchange, "id");
        if (workflowId.isPresent()) {
            options = options.withWorkflowId(workflowId.get());
        }
        StartedWorkflow started;
        try {
            // the starter validates the parsed input before it sends anything
            Object input = WorkflowInputs.parse(workflow.get(), body.get());
            started = new TemporalWorkflowStarter(client, registry).start(workflowType, input, options);
        } catch (ValidationError e) {
            Exchanges.sendError(exchange, 400, "invalid input: " + e.getMessage(), e.hint());
            return;
        } catch (WorkflowExecutionAlreadyStarted e) {
            String id = e.getExecution().getWorkflowId();
            Exchanges.sendError(exchange, 409, "workflow " + id + " is already running",
                    "wait for it to finish (GET /workflows/" + id + ")");
            return;
        }
        Exchanges.sendJson(exchange, 202, StartedWorkflowBody.of(started));
    }
}
