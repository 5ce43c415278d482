package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import files come only from the configured folders and URL prefixes; anything else fails the task at once. */
class ImportSourcesTest {

    private static final String CSV = "event_name,external_customer_id\napi_call,c1\n";

    @TempDir
    Path dir;

    @Test
    void theHostsOwnFilesAreRefusedAtOnceNamingTheKeyAndQuotingNothingOfThem() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            fixture.insertTask("task_passwd", TaskFixture.TENANT, "EVENTS", "file:///etc/passwd", "CSV");
            fixture.insertTask("task_environ", TaskFixture.TENANT, "EVENTS", "file:///proc/self/environ", "CSV");

            TaskResult passwd = fixture.run("task_passwd");
            TaskResult environ = fixture.run("task_environ");

            assertThat(passwd.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(passwd.errorSummary()).isEqualTo("file:///etc/passwd is outside the import folders (" + dir
                    + "); move the file into one of them or add its folder to plugins.task.sources.folders");
            assertThat(environ.errorSummary()).startsWith("file:///proc/self/environ is outside the import folders");
            assertThat(fixture.importAttempts("task_passwd")).isEqualTo(1);
            assertThat(fixture.task("task_passwd")).containsEntry("task_status", "FAILED")
                    .containsEntry("processed_records", 0L)
                    .containsEntry("error_summary", passwd.errorSummary());
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isZero();
        }
    }

    @Test
    void neitherDotDotNorASymbolicLinkLeadsOutOfTheFolder() throws Exception {
        Path imports = Files.createDirectory(dir.resolve("imports"));
        Path outside = Files.writeString(dir.resolve("outside.csv"), CSV);
        Files.createSymbolicLink(imports.resolve("link.csv"), outside);
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, imports)) {
            fixture.insertTask("task_dots", TaskFixture.TENANT, "EVENTS", "file://" + imports + "/../outside.csv", "CSV");
            fixture.insertTask("task_link", TaskFixture.TENANT, "EVENTS", imports.resolve("link.csv").toUri().toString(), "CSV");

            assertThat(fixture.run("task_dots").errorSummary()).contains("is outside the import folders");
            assertThat(fixture.run("task_link").errorSummary()).contains("is outside the import folders");
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isZero();
        }
    }

    @Test
    void withoutUrlPrefixesALoopbackUrlIsNotEvenRequested() throws Exception {
        try (FileServer server = new FileServer().file("/secret.csv", CSV);
                TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            fixture.insertTask("task_loopback", "EVENTS", server.url("/secret.csv"));

            TaskResult result = fixture.run("task_loopback");

            assertThat(result.errorSummary()).isEqualTo(server.url("/secret.csv") + " is not under an allowed URL"
                    + " prefix (none are allowed); add its prefix to plugins.task.sources.url-prefixes to import"
                    + " from there");
            assertThat(fixture.importAttempts("task_loopback")).isEqualTo(1);
            assertThat(server.requested()).isEmpty();
        }
    }

    @Test
    void aFileUnderAnAllowedPrefixIsImportedAlsoThroughARedirectThatStaysUnderIt() throws Exception {
        try (FileServer server = new FileServer();
                TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir,
                        "plugins.task.sources.url-prefixes = [\"" + server.url("/exports") + "\"]")) {
            server.file("/exports/events.csv", CSV).redirect("/exports/old.csv", "/exports/events.csv");
            fixture.insertTask("task_direct", "EVENTS", server.url("/exports/events.csv"));
            fixture.insertTask("task_moved", "EVENTS", server.url("/exports/old.csv"));

            assertThat(fixture.run("task_direct").status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(fixture.run("task_moved").status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(server.requested())
                    .containsExactly("/exports/events.csv", "/exports/old.csv", "/exports/events.csv");
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isEqualTo(2);
        }
    }

    @Test
    void aRedirectFromAnAllowedPrefixToAnotherPlaceIsRefusedBeforeItIsFollowed() throws Exception {
        try (FileServer server = new FileServer();
                TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir,
                        "plugins.task.sources.url-prefixes = [\"" + server.url("/exports/") + "\"]")) {
            server.redirect("/exports/events.csv", server.url("/internal/secret.csv"))
                    .file("/internal/secret.csv", CSV);
            fixture.insertTask("task_redirected", "EVENTS", server.url("/exports/events.csv"));

            TaskResult result = fixture.run("task_redirected");

            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.errorSummary()).startsWith(server.url("/exports/events.csv") + " redirects to "
                    + server.url("/internal/secret.csv") + ", which is not under an allowed URL prefix (allowed: ");
            assertThat(fixture.importAttempts("task_redirected")).isEqualTo(1);
            assertThat(server.requested()).containsExactly("/exports/events.csv");
        }
    }
}
