package dev.workerhost.host.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.workerhost.host.registry.QueueContents;
import dev.workerhost.host.temporal.EmbeddedTemporalServer;
import dev.workerhost.host.testing.FreePort;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerManagerTest {

    @WorkflowInterface
    public interface RefusingWorkflow {
        @WorkflowMethod
        String run();
    }

    public static final class RefusingWorkflowImpl implements RefusingWorkflow {
        @Override
        public String run() {
            throw new IllegalStateException("refused by the workflow");
        }
    }

    @Test
    void registersEachWorkflowTypeWithTheImplementationOptionsItWasDeclaredWith() throws Exception {
        // By default an IllegalStateException fails the workflow task again and again; with these options it fails
        // the workflow, so the result arrives at once.
        WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(IllegalStateException.class)
                .build();
        QueueContents queue = new QueueContents("options-queue", "options-plugin", getClass().getClassLoader(),
                Map.of(RefusingWorkflowImpl.class, options), List.of(), VersioningBehavior.UNSPECIFIED);
        int port = FreePort.find();
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", port)) {
            WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
            WorkflowClient client = WorkflowClient.newInstance(service);
            WorkerManager workers = new WorkerManager(client, List.of(queue), ConfigFactory.empty());
            try {
                workers.start();
                RefusingWorkflow workflow = client.newWorkflowStub(RefusingWorkflow.class,
                        WorkflowOptions.newBuilder().setTaskQueue("options-queue").build());
                WorkflowClient.start(workflow::run);

                assertThatThrownBy(() ->
                        WorkflowStub.fromTyped(workflow).getResult(10, TimeUnit.SECONDS, String.class))
                        .isInstanceOf(WorkflowFailedException.class)
                        .cause()
                        .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                                assertThat(failure.getOriginalMessage()).isEqualTo("refused by the workflow"));
            } finally {
                workers.drain(Duration.ofSeconds(5));
                service.shutdownNow();
            }
        }
    }
}
