package dev.workerhost.plugins.task.activities;

import dev.workerhost.plugins.task.models.ImportProgress;
import dev.workerhost.plugins.task.models.Task;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.plugins.task.persistence.TaskRepository;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class TaskActivitiesImpl implements TaskActivities {

    private static final Logger LOG = LoggerFactory.getLogger(TaskActivitiesImpl.class);

    private final TaskRepository tasks;
    private final TaskImporter importer;

    public TaskActivitiesImpl(TaskRepository tasks, TaskImporter importer) {
        this.tasks = tasks;
        this.importer = importer;
    }

    @Override
    public TaskResult processTask(TaskInput input) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        ActivityInfo info = context.getInfo();
        Task task = tasks.claim(
                input.scope(), input.taskId(), info.getWorkflowId(), info.getWorkflowRunId(), Instant.now());
        if (task.status() == TaskStatus.COMPLETED) {
            LOG.info("task {} was already imported; nothing to do", task.id());
            return task.result();
        }
        if (task.progress().processedRecords() > 0) {
            LOG.info("task {}: attempt {} resumes after {} committed records", task.id(), info.getAttempt(),
                    task.progress().processedRecords());
        }
        try {
            ImportProgress progress = importer.run(task, context::heartbeat);
            return tasks.finish(task, progress, Instant.now()).result();
        } catch (IOException e) {
            throw Activity.wrap(e);
        }
    }

    @Override
    public TaskResult failTask(TaskInput input, String reason) {
        return tasks.fail(input.scope(), input.taskId(), reason, Instant.now())
                .map(Task::result)
                .orElseThrow(() -> TaskRepository.notFound(input.scope(), input.taskId()));
    }
}
