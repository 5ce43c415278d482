package dev.workerhost.testkit.bridge;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A workflow to start by type name.
 *
 * @param input the input as JSON, or empty for a type without input
 * @param checked true to start as the host's starter does (input parsed into the plugin's type and validated, the
 *     type's defaults); false to send it as a plain Temporal client would, unchecked, on the type's task queue
 */
public record StartRequest(
        String workflowType,
        Optional<String> input,
        Optional<String> workflowId,
        Optional<String> taskQueue,
        Optional<String> cronSchedule,
        boolean checked) {

    public StartRequest {
        requireNonNull(workflowType, "workflowType is null");
        requireNonNull(input, "input is null");
        requireNonNull(workflowId, "workflowId is null");
        requireNonNull(taskQueue, "taskQueue is null");
        requireNonNull(cronSchedule, "cronSchedule is null");
    }
}
