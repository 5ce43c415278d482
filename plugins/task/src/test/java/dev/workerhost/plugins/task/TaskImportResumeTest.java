package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskImportResumeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void anImportCutOffMidFileResumesOnRetryAfterTheCommittedRecords(TestDatabase.Engine engine) throws Exception {
        StringBuilder csv = new StringBuilder("event_id,event_name,external_customer_id\n");
        for (int i = 1; i <= 10; i++) {
            csv.append("evt_").append(i).append(",api_call,").append(i == 4 ? "" : "cust_" + i).append('\n');
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        // The cut falls inside record 8: chunks of 3 commit records 1-6, the third chunk is lost with the connection.
        int cutAt = csv.indexOf("evt_8") + 3;
        try (FileServer server = new FileServer();
                TaskFixture fixture = TaskFixture.start(engine, dir,
                        "plugins.task.sources.url-prefixes = [\"" + server.url("/exports/") + "\"]")) {
            List<Long> committedAtRequest = new ArrayList<>();
            server.cutFirstDownload("/exports/events.csv", content, cutAt).beforeEachRequest(() -> committedAtRequest
                    .add(fixture.count("SELECT processed_records FROM tasks WHERE id = 'task_http'")));
            fixture.insertTask("task_http", "EVENTS", server.url("/exports/events.csv"));

            TaskResult result = fixture.run("task_http");

            assertThat(server.requested()).hasSize(2);
            assertThat(committedAtRequest).as("records committed when each attempt started").containsExactly(0L, 6L);
            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.processedRecords()).isEqualTo(10);
            assertThat(result.successfulRecords()).isEqualTo(9);
            assertThat(result.failedRecords()).isEqualTo(1);
            assertThat(result.errorSummary()).isEqualTo("Line 5: external_customer_id is required");
            assertThat(fixture.db.rows("SELECT id FROM events ORDER BY external_customer_id"))
                    .extracting(row -> row.get("id"))
                    .containsExactly("evt_1", "evt_10", "evt_2", "evt_3", "evt_5", "evt_6", "evt_7", "evt_8",
                            "evt_9");
            assertThat(fixture.task("task_http")).containsEntry("processed_records", 10L)
                    .containsEntry("successful_records", 9L)
                    .containsEntry("failed_records", 1L)
                    .containsEntry("total_records", 10L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aRerunOfAFailedTaskCountsItsRecordsAfreshAndWritesNoEventTwice(TestDatabase.Engine engine)
            throws Exception {
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            String header = "event_name,external_customer_id,timestamp\n";
            String url = fixture.file("events.csv", header
                    + "api_call,c1,2024-05-01T10:00:00Z\n"
                    + "api_call,c2,not a time\n"
                    + "api_call,c3,2024-05-01T10:00:00Z\n");
            fixture.insertTask("task_rerun", "EVENTS", url);

            TaskResult first = fixture.run("task_rerun");
            TaskResult second = fixture.run("task_rerun");

            assertThat(List.of(first, second)).allSatisfy(result -> assertThat(result)
                    .extracting(TaskResult::status, TaskResult::processedRecords, TaskResult::successfulRecords,
                            TaskResult::failedRecords, TaskResult::errorSummary)
                    .containsExactly(TaskStatus.FAILED, 3L, 2L, 1L,
                            "Line 3: timestamp \"not a time\" is not an RFC 3339 time such as 2024-05-01T12:00:00Z"));
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isEqualTo(2);

            fixture.file("events.csv", header
                    + "api_call,c1,2024-05-01T10:00:00Z\n"
                    + "api_call,c2,2024-05-01T11:00:00Z\n"
                    + "api_call,c3,2024-05-01T10:00:00Z\n");
            TaskResult fixed = fixture.run("task_rerun");

            assertThat(fixed).extracting(TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords, TaskResult::errorSummary)
                    .containsExactly(TaskStatus.COMPLETED, 3L, 3L, 0L, null);
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isEqualTo(3);
            assertThat(fixture.task("task_rerun")).containsEntry("task_status", "COMPLETED")
                    .containsEntry("failed_at", null)
                    .containsEntry("error_summary", null);

            TaskResult again = fixture.run("task_rerun");
            assertThat(again).as("a completed task is not imported again").isEqualTo(fixed);
        }
    }
}
