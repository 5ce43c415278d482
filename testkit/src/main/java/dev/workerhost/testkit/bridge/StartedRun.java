package dev.workerhost.testkit.bridge;

/** Where a started workflow runs. */
public record StartedRun(String workflowId, String runId, String taskQueue) {
}
