package dev.workerhost.host.runtime;

import com.google.protobuf.ByteString;
import dev.workerhost.host.registry.PluginEntry;
import dev.workerhost.host.workers.WorkerManager;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a new version of a running plugin can take over the open workflows of the old one. Before the new version
 * polls, every open workflow of the old version's types is fetched from Temporal and replayed against the new code
 * in its own class loader, on the new version's workers (which do not poll yet), exactly as a worker replays a
 * workflow it picks up. Refused: a workflow whose history the new code does not replay (the SDK's message names the
 * first event that no longer matches), a workflow whose type the new version no longer registers, and a workflow
 * waiting for an activity of a type the new version no longer registers. Where Temporal cannot be asked, the upgrade
 * is refused too: an unchecked version never takes a queue.
 */
final class UpgradeGuard {

    /** How many problems a refusal names; the rest are counted. */
    private static final int NAMED_PROBLEMS = 5;
    private static final int PAGE_SIZE = 1000;

    private final WorkflowClient client;

    UpgradeGuard(WorkflowClient client) {
        this.client = client;
    }

    /**
     * @param workers the new version's workers, not polling yet
     * @return why the new version may not take over, naming each workflow id; empty if it may
     */
    Optional<String> refusal(PluginEntry predecessor, PluginEntry candidate, WorkerManager workers) {
        Map<String, String> oldQueues = new HashMap<>();
        predecessor.workflows().forEach(workflow -> oldQueues.put(workflow.workflowType(), workflow.taskQueue()));
        Map<String, String> newQueues = new HashMap<>();
        candidate.workflows().forEach(workflow -> newQueues.put(workflow.workflowType(), workflow.taskQueue()));
        Set<String> oldTaskQueues = Set.copyOf(predecessor.descriptor().taskQueues());
        Set<String> newActivityTypes = Set.copyOf(candidate.descriptor().activityTypes());
        String newVersion = "version " + candidate.descriptor().version();
        List<WorkflowExecutionInfo> open;
        try {
            open = openWorkflows(oldQueues.keySet());
        } catch (RuntimeException e) {
            return Optional.of("cannot list the open workflows of its types, so cannot check that "
                    + newVersion + " replays them: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (WorkflowExecutionInfo workflow : open) {
            String type = workflow.getType().getName();
            String id = "workflow " + workflow.getExecution().getWorkflowId() + " (" + type + ")";
            String queue = newQueues.get(type);
            if (queue == null) {
                problems.add(id + " is open, and " + newVersion + " no longer registers its type");
                continue;
            }
            WorkflowExecutionHistory history;
            try {
                history = client.fetchHistory(workflow.getExecution().getWorkflowId(),
                        workflow.getExecution().getRunId());
            } catch (RuntimeException e) {
                problems.add(id + ": cannot fetch its history: " + e.getMessage());
                continue;
            }
            for (String activityType : pendingActivityTypes(history, oldTaskQueues)) {
                if (!newActivityTypes.contains(activityType)) {
                    problems.add(id + " waits for activity type " + activityType + ", which " + newVersion
                            + " no longer registers");
                }
            }
            workers.replay(queue, history).ifPresent(problem ->
                    problems.add(id + " " + problem.replaceFirst("^is nondeterministic", "does not replay on "
                            + newVersion + ", it is nondeterministic")));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        List<String> named = problems.subList(0, Math.min(NAMED_PROBLEMS, problems.size()));
        return Optional.of(open.size() + " open workflow(s) checked, " + problems.size() + " cannot go on with "
                + newVersion + ": " + String.join("; ", named)
                + (problems.size() > named.size() ? "; and " + (problems.size() - named.size()) + " more" : ""));
    }

    /** The open workflows of {@code types} in the client's namespace (listed in full, filtered here). */
    private List<WorkflowExecutionInfo> openWorkflows(Set<String> types) {
        List<WorkflowExecutionInfo> open = new ArrayList<>();
        ByteString page = ByteString.EMPTY;
        do {
            ListOpenWorkflowExecutionsResponse response = client.getWorkflowServiceStubs().blockingStub()
                    .listOpenWorkflowExecutions(ListOpenWorkflowExecutionsRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setMaximumPageSize(PAGE_SIZE)
                            .setNextPageToken(page)
                            .build());
            response.getExecutionsList().stream()
                    .filter(workflow -> types.contains(workflow.getType().getName()))
                    .forEach(open::add);
            page = response.getNextPageToken();
        } while (!page.isEmpty());
        return open;
    }

    /** Activity types scheduled on the plugin's task queues and not closed yet. */
    private static Set<String> pendingActivityTypes(WorkflowExecutionHistory history, Set<String> taskQueues) {
        Map<Long, String> pending = new HashMap<>();
        for (HistoryEvent event : history.getEvents()) {
            switch (event.getEventType()) {
                case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
                    var scheduled = event.getActivityTaskScheduledEventAttributes();
                    if (taskQueues.contains(scheduled.getTaskQueue().getName())) {
                        pending.put(event.getEventId(), scheduled.getActivityType().getName());
                    }
                }
                case EVENT_TYPE_ACTIVITY_TASK_COMPLETED ->
                        pending.remove(event.getActivityTaskCompletedEventAttributes().getScheduledEventId());
                case EVENT_TYPE_ACTIVITY_TASK_FAILED ->
                        pending.remove(event.getActivityTaskFailedEventAttributes().getScheduledEventId());
                case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ->
                        pending.remove(event.getActivityTaskTimedOutEventAttributes().getScheduledEventId());
                case EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
                        pending.remove(event.getActivityTaskCanceledEventAttributes().getScheduledEventId());
                default -> { }
            }
        }
        return new TreeSet<>(pending.values());
    }
}
