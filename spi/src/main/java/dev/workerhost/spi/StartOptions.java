package dev.workerhost.spi;

import java.util.Optional;

/**
 * What a caller may choose when starting a workflow; anything left empty comes from the type's
 * {@link WorkflowDefaults}, and a missing id from the type's derived id or a random one.
 */
public record StartOptions(Optional<String> workflowId, Optional<String> taskQueue, Optional<String> cronSchedule) {

    public StartOptions {
        workflowId = workflowId == null ? Optional.empty() : workflowId;
        taskQueue = taskQueue == null ? Optional.empty() : taskQueue;
        cronSchedule = cronSchedule == null ? Optional.empty() : cronSchedule;
    }

    public static StartOptions defaults() {
        return new StartOptions(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StartOptions withWorkflowId(String id) {
        return new StartOptions(Optional.of(id), taskQueue, cronSchedule);
    }

    public StartOptions withTaskQueue(String queue) {
        return new StartOptions(workflowId, Optional.of(queue), cronSchedule);
    }

    /**
     * Runs the workflow as a Temporal cron workflow on {@code schedule}, five-field cron in UTC such as
     * {@code "0 * * * *"} (Temporal clusters also take {@code @every 1h}; the embedded server does not).
     */
    public StartOptions withCronSchedule(String schedule) {
        return new StartOptions(workflowId, taskQueue, Optional.of(schedule));
    }
}
