package dev.workerhost.host.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.workerhost.spi.StartedWorkflow;

/** The 202 answer to {@code POST /workflows/{type}}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StartedWorkflowBody(String workflowId, String runId, String taskQueue) {

    static StartedWorkflowBody of(StartedWorkflow started) {
        return new StartedWorkflowBody(started.workflowId(), started.runId(), started.taskQueue());
    }
}
