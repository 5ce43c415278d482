package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What no retry can change fails the task after one attempt; only an unreachable server is tried again. */
class ImportRetriesTest {

    @TempDir
    Path dir;

    @Test
    void permanentErrorsFailTheTaskAfterOneAttemptWithOneClearLine() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            Path folder = Files.createDirectory(dir.resolve("exports"));
            String missing = dir.resolve("missing.csv").toUri().toString();
            Map<String, String> expected = Map.of(
                    "task_folder", folder.toUri() + " is a directory; set the task's file_url to one CSV or JSON file",
                    "task_missing", "file not found: " + missing + "; check the task's file_url",
                    "task_ftp", "unsupported file URL ftp://files.example.com/a.csv; set the task's file_url to a"
                            + " file:, http: or https: URL",
                    "task_deep", "the file is not valid JSON after element 1: ");
            fixture.insertTask("task_folder", TaskFixture.TENANT, "EVENTS", folder.toUri().toString(), "CSV");
            fixture.insertTask("task_missing", "EVENTS", missing);
            fixture.insertTask("task_ftp", "EVENTS", "ftp://files.example.com/a.csv");
            fixture.insertTask("task_deep", "EVENTS",
                    fixture.file("deep.json", "[{\"a\": " + "[".repeat(5000) + "]".repeat(5000) + "}]"));

            for (Map.Entry<String, String> task : expected.entrySet()) {
                TaskResult result = fixture.run(task.getKey());

                assertThat(result.status()).as(task.getKey()).isEqualTo(TaskStatus.FAILED);
                assertThat(result.errorSummary()).as(task.getKey()).startsWith(task.getValue()).doesNotContain("\n");
                assertThat(fixture.importAttempts(task.getKey())).as(task.getKey()).isEqualTo(1);
                assertThat(fixture.task(task.getKey())).containsEntry("task_status", "FAILED")
                        .containsEntry("error_summary", result.errorSummary());
            }
        }
    }

    @Test
    void anUnreachableServerIsTriedFiveTimesThenTheTaskFails() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/exports/events.csv";
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir,
                "plugins.task.sources.url-prefixes = [\"http://127.0.0.1:" + closedPort + "/exports/\"]")) {
            fixture.insertTask("task_offline", "EVENTS", url);

            TaskResult result = fixture.run("task_offline");

            assertThat(fixture.importAttempts("task_offline")).isEqualTo(5);
            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.errorSummary()).startsWith("cannot read " + url + ": ");
            assertThat(fixture.task("task_offline")).containsEntry("task_status", "FAILED")
                    .containsEntry("error_summary", result.errorSummary());
        }
    }
}
