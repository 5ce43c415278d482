package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A row the database refuses fails alone, at its line; the rest of its chunk and of the file is imported. */
@Execution(ExecutionMode.CONCURRENT)
class BadRowsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void tenRowsWithOneTooLongForItsColumnImportNineAndTheTaskRowSaysSo(TestDatabase.Engine engine)
            throws Exception {
        StringBuilder csv = new StringBuilder("event_id,event_name,external_customer_id\n");
        for (int i = 1; i <= 10; i++) {
            csv.append("evt_").append(i).append(',').append(i == 5 ? "x".repeat(300) : "api_call").append(",c\n");
        }
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            fixture.insertTask("task_long", "EVENTS", fixture.file("events.csv", csv.toString()));

            TaskResult result = fixture.run("task_long");

            assertThat(result).extracting(TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords)
                    .containsExactly(TaskStatus.FAILED, 10L, 9L, 1L);
            assertThat(result.errorSummary()).startsWith("Line 6: the row cannot be stored: ")
                    .endsWith("(SQLState 22001)")
                    .doesNotContain("\n", "INSERT", "MERGE");
            assertThat(fixture.importAttempts("task_long")).isEqualTo(1);
            assertThat(fixture.task("task_long")).containsEntry("task_status", "FAILED")
                    .containsEntry("processed_records", 10L)
                    .containsEntry("successful_records", 9L)
                    .containsEntry("failed_records", 1L)
                    .containsEntry("error_summary", result.errorSummary());
            assertThat(fixture.importedRows("written", "EVENTS")).isEqualTo(9);
            assertThat(fixture.importedRows("failed", "EVENTS")).isEqualTo(1);
            assertThat(fixture.importedRows("written", "CUSTOMERS")).isZero();
            assertThat(fixture.db.rows("SELECT id FROM events ORDER BY id")).extracting(row -> row.get("id"))
                    .containsExactly("evt_1", "evt_10", "evt_2", "evt_3", "evt_4", "evt_6", "evt_7", "evt_8",
                            "evt_9");
        }
    }

    @Test
    void aNulCharacterIsARowErrorOnPostgresql() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.POSTGRESQL, dir)) {
            fixture.insertTask("task_nul", "EVENTS", fixture.file("events.csv",
                    "event_name,external_customer_id\napi_call,c1\napi\u0000call,c2\napi_call,c3\n"));

            TaskResult result = fixture.run("task_nul");

            assertThat(result).extracting(TaskResult::processedRecords, TaskResult::successfulRecords,
                    TaskResult::failedRecords).containsExactly(3L, 2L, 1L);
            assertThat(result.errorSummary()).startsWith("Line 3: the row cannot be stored: ")
                    .endsWith("(SQLState 22021)");
            assertThat(fixture.task("task_nul")).containsEntry("error_summary", result.errorSummary());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void refusedAndUnreadableRecordsOfOneChunkAreListedInFileOrder(TestDatabase.Engine engine) throws Exception {
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            fixture.db.execute("INSERT INTO customers (id, tenant_id, environment_id, external_id, metadata) VALUES"
                    + " ('cus_odd', '" + TaskFixture.TENANT + "', '" + TaskFixture.ENVIRONMENT + "', 'c5', '[1]')");
            fixture.insertTask("task_customers", "CUSTOMERS", fixture.file("customers.csv",
                    "external_id,address_country\nc1,FR\nc2," + "y".repeat(100) + "\n,DE\nc4,IT\nc5,ES\n"));

            TaskResult result = fixture.run("task_customers");

            assertThat(result.successfulRecords()).isEqualTo(2);
            assertThat(fixture.importedRows("written", "CUSTOMERS")).isEqualTo(2);
            assertThat(fixture.importedRows("failed", "CUSTOMERS")).isEqualTo(3);
            assertThat(result.errorSummary().split("\n")).satisfiesExactly(
                    line -> assertThat(line).startsWith("Line 3: the row cannot be stored: "),
                    line -> assertThat(line).isEqualTo("Line 4: external_id is required"),
                    line -> assertThat(line).isEqualTo("Line 6: the row cannot be stored: customer cus_odd has"
                            + " stored metadata that is not a JSON object; fix it before importing into it"
                            + " (SQLState 22000)"));
            assertThat(fixture.db.rows("SELECT external_id,"
                    + " COALESCE(address_country, '-') AS address_country FROM customers ORDER BY external_id"))
                    .containsExactly(Map.of("external_id", "c1", "address_country", "FR"),
                            Map.of("external_id", "c4", "address_country", "IT"),
                            Map.of("external_id", "c5", "address_country", "-"));
        }
    }

    @Test
    void aRecordOverOneMebibyteIsOneRowErrorAndTheImportGoesOn() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            fixture.insertTask("task_huge", "EVENTS", fixture.file("events.csv", "event_name,external_customer_id\n"
                    + "api_call,c1\n" + "a".repeat(1 << 20) + ",c2\napi_call,c3\n"));

            TaskResult result = fixture.run("task_huge");

            assertThat(result).extracting(TaskResult::processedRecords, TaskResult::successfulRecords,
                    TaskResult::errorSummary)
                    .containsExactly(3L, 2L, "Line 3: the record is longer than 1048576 characters");
        }
    }

    @Test
    void aReasonWithControlCharactersAndNoEndIsStoredAsTheResultSaysIt() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            fixture.db.execute("INSERT INTO tasks (id, tenant_id, environment_id, entity_type, file_url) VALUES"
                    + " ('task_nul_url', '" + TaskFixture.TENANT + "', '" + TaskFixture.ENVIRONMENT + "', 'EVENTS',"
                    + " 'ftp://a' || CHAR(0) || '" + "x".repeat(4000) + ".csv')");

            TaskResult result = fixture.run("task_nul_url");

            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.errorSummary()).hasSizeLessThanOrEqualTo(1000).doesNotContain("\u0000");
            assertThat(fixture.task("task_nul_url")).containsEntry("task_status", "FAILED")
                    .containsEntry("error_summary", result.errorSummary());
        }
    }
}
