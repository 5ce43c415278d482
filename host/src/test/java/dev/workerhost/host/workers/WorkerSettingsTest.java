package dev.workerhost.host.workers;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.workerhost.host.registry.QueueContents;
import io.temporal.common.VersioningBehavior;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

    private static QueueContents queue(String taskQueue) {
        return new QueueContents(taskQueue, "plugin", WorkerSettingsTest.class.getClassLoader(), Map.of(), List.of(),
                VersioningBehavior.AUTO_UPGRADE);
    }

    @Test
    void aFewQueuesPollWithTheSdksCounts() {
        WorkerOptions options = WorkerSettings.forQueue(ConfigFactory.empty(), queue("task"), Optional.empty(), 3);

        assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(5);
        assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(5);
    }

    @Test
    void manyQueuesShareThePollThreadsDownToTwoAndOne() {
        assertThat(PollerShare.of(10)).isEqualTo(new PollerShare(5, 5));
        assertThat(PollerShare.of(14)).isEqualTo(new PollerShare(4, 3));
        assertThat(PollerShare.of(25)).isEqualTo(new PollerShare(2, 2));
        assertThat(PollerShare.of(100)).isEqualTo(new PollerShare(2, 1));
        assertThat(PollerShare.of(1000)).isEqualTo(new PollerShare(2, 1));
    }

    @Test
    void configuredCountsWinOverTheShare() {
        var config = ConfigFactory.parseString(
                "workers.defaults.activity-task-pollers = 3\nworkers.\"task\".workflow-task-pollers = 4");

        WorkerOptions task = WorkerSettings.forQueue(config, queue("task"), Optional.empty(), 100);
        WorkerOptions other = WorkerSettings.forQueue(config, queue("plan"), Optional.empty(), 100);

        assertThat(task.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(4);
        assertThat(task.getMaxConcurrentActivityTaskPollers()).isEqualTo(3);
        assertThat(other.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(2);
        assertThat(other.getMaxConcurrentActivityTaskPollers()).isEqualTo(3);
    }
}
