package dev.workerhost.host.temporal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One workflow execution as {@code workflow show} prints it: status ({@code RUNNING}, {@code COMPLETED},
 * {@code FAILED}, ...) and, once closed, its result or its failure message.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkflowOutcome(
        String workflowId, String runId, String workflowType, String taskQueue, String status, JsonNode result,
        String failure) {

    public boolean failed() {
        return failure != null;
    }
}
