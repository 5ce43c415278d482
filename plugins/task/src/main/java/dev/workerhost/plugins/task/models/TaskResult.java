package dev.workerhost.plugins.task.models;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * How a task ended: {@link TaskStatus#COMPLETED} when every record was imported, {@link TaskStatus#FAILED} when
 * some record or the task itself failed ({@code errorSummary} says which). {@code completedAt} is when it ended,
 * either way.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TaskResult(
        String taskId,
        TaskStatus status,
        long processedRecords,
        long successfulRecords,
        long failedRecords,
        String errorSummary,
        Instant completedAt) {
}
