package dev.workerhost.testkit.host;

import com.typesafe.config.Config;
import dev.workerhost.host.registry.PluginRegistry;
import dev.workerhost.host.registry.WorkflowRegistration;
import dev.workerhost.host.workers.WorkerManager;
import dev.workerhost.testkit.ReplayFailedException;
import dev.workerhost.testkit.bridge.RecordedHistory;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recorded histories replayed on the host's workers, as they would be when a new version of a plugin picks up its
 * running workflows: each on the worker of the task queue its workflow type is registered on now.
 */
final class HistoryReplay {

    private final PluginRegistry registry;
    private final WorkerManager workers;

    HistoryReplay(PluginRegistry registry, WorkflowClient client, Config config) {
        this.registry = registry;
        this.workers = new WorkerManager(client, registry.queues(), config);
    }

    /** @throws ReplayFailedException naming each history the current code does not replay, and why */
    void replay(List<RecordedHistory> histories) {
        List<String> failures = new ArrayList<>();
        for (RecordedHistory recorded : histories) {
            problem(recorded).ifPresent(problem -> failures.add(recorded.source() + ": " + problem));
        }
        if (!failures.isEmpty()) {
            throw new ReplayFailedException(failures.size() + " of " + histories.size()
                    + " recorded histories do not replay on the current code:\n  " + String.join("\n  ", failures));
        }
    }

    private Optional<String> problem(RecordedHistory recorded) {
        WorkflowExecutionHistory history;
        try {
            history = WorkflowExecutionHistory.fromJson(recorded.json());
        } catch (RuntimeException e) {
            return Optional.of("not a Temporal history in JSON (" + e.getMessage() + ")");
        }
        String type = history.getEvents().get(0).getWorkflowExecutionStartedEventAttributes()
                .getWorkflowType().getName();
        Optional<WorkflowRegistration> workflow = registry.workflow(type);
        if (workflow.isEmpty()) {
            return Optional.of("workflow type " + type + " is not registered; registered: " + registry.workflowTypes());
        }
        return workers.replay(workflow.get().taskQueue(), history).map(problem -> type + " " + problem);
    }
}
