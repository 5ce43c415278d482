package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * On PostgreSQL, events reach the table through COPY, and every rule of the statement path still holds: values
 * stored exactly, refused rows failing alone at their line, existing ids skipped.
 */
@Execution(ExecutionMode.CONCURRENT)
class CopyImportTest {

    /** Records every statement that writes to events, to tell COPY from inserts. */
    private static final String WATCH_WRITES = """
            CREATE TABLE event_writes (n SERIAL PRIMARY KEY, statement TEXT NOT NULL);
            CREATE FUNCTION note_event_write() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO event_writes (statement) VALUES (split_part(current_query(), ' ', 1));
                RETURN NULL;
            END $$;
            CREATE TRIGGER events_written AFTER INSERT ON events
                FOR EACH STATEMENT EXECUTE FUNCTION note_event_write();
            """;

    @TempDir
    Path dir;

    @Test
    void copyStoresEveryValueAsTheStatementsWould() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.POSTGRESQL, dir,
                "plugins.task.chunk-size = 100")) {
            fixture.db.execute(WATCH_WRITES);
            fixture.insertTask("task_copy", "EVENTS", fixture.file("events.csv",
                    "event_id,event_name,external_customer_id,customer_id,timestamp,source,properties.note\n"
                    + "evt_1,api_call,c1,cus_1,2024-05-01T10:00:00.123456Z,web,plain\n"
                    + "evt_2,\"tab\there\",\"back\\\\slash\",,2024-05-01 11:00:00+02:00,,\"two\nlines\"\n"
                    + "evt_3,\u00e9v\u00e9nement \u2603,c3,,2024-05-01t12:00:00z,\\N,\"{\"\"n\"\": 1}\"\n"));

            TaskResult result = fixture.run("task_copy");

            assertThat(result).extracting(TaskResult::status, TaskResult::successfulRecords)
                    .containsExactly(TaskStatus.COMPLETED, 3L);
            assertThat(fixture.db.rows("SELECT id, event_name, external_customer_id, customer_id,"
                    + " to_char(timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS timestamp, source,"
                    + " properties FROM events ORDER BY id")).containsExactly(
                    row("evt_1", "api_call", "c1", "cus_1", "2024-05-01 10:00:00.123456", "web",
                            "{\"note\":\"plain\"}"),
                    row("evt_2", "tab\there", "back\\\\slash", null, "2024-05-01 09:00:00.000000", null,
                            "{\"note\":\"two\\nlines\"}"),
                    row("evt_3", "\u00e9v\u00e9nement \u2603", "c3", null, "2024-05-01 12:00:00.000000", "\\N",
                            "{\"note\":{\"n\":1}}"));
            assertThat(statements(fixture)).containsExactly("COPY");
        }
    }

    @Test
    void aRefusedRowInACopiedChunkFailsAtItsLineAndTheOthersCommit() throws Exception {
        StringBuilder csv = new StringBuilder("event_id,event_name,external_customer_id,properties.note\n");
        for (int i = 1; i <= 250; i++) {
            // Record 2 spans lines 3-4, so every later record starts one line further down than its number.
            String note = i == 2 ? "\"first\nsecond\"" : "n";
            csv.append("evt_").append(i).append(',').append(i == 120 ? "x".repeat(256) : "api_call")
                    .append(",c,").append(note).append('\n');
        }
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.POSTGRESQL, dir,
                "plugins.task.chunk-size = 100")) {
            fixture.db.execute(WATCH_WRITES);
            fixture.insertTask("task_bad", "EVENTS", fixture.file("events.csv", csv.toString()));

            TaskResult result = fixture.run("task_bad");

            assertThat(result).extracting(TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords)
                    .containsExactly(TaskStatus.FAILED, 250L, 249L, 1L);
            assertThat(result.errorSummary()).startsWith("Line 122: the row cannot be stored: value too long")
                    .endsWith("(SQLState 22001)");
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isEqualTo(249);
            assertThat(fixture.count("SELECT COUNT(*) FROM events WHERE id = 'evt_120'")).isZero();
            // Chunks 1 and 3 go by COPY; chunk 2 is refused as a whole and written again row by row.
            assertThat(statements(fixture)).startsWith("COPY").endsWith("COPY").contains("INSERT")
                    .hasSize(2 + 99);
        }
    }

    @Test
    void aRerunOfAFailedImportAddsNoRowAndChangesNone() throws Exception {
        StringBuilder csv = new StringBuilder("event_name,external_customer_id,timestamp\n");
        for (int i = 1; i <= 250; i++) {
            csv.append("api_call,c").append(i).append(',').append(i == 7 ? "never" : "2024-05-01T10:00:00Z")
                    .append('\n');
        }
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.POSTGRESQL, dir,
                "plugins.task.chunk-size = 100")) {
            fixture.insertTask("task_again", "EVENTS", fixture.file("events.csv", csv.toString()));
            TaskResult first = fixture.run("task_again");
            List<Map<String, Object>> stored = fixture.db.rows("SELECT * FROM events ORDER BY id");
            fixture.db.execute(WATCH_WRITES);

            TaskResult second = fixture.run("task_again");

            assertThat(List.of(first, second)).allSatisfy(result -> assertThat(result)
                    .extracting(TaskResult::status, TaskResult::processedRecords, TaskResult::successfulRecords,
                            TaskResult::failedRecords)
                    .containsExactly(TaskStatus.FAILED, 250L, 249L, 1L));
            assertThat(stored).hasSize(249);
            assertThat(fixture.db.rows("SELECT * FROM events ORDER BY id")).isEqualTo(stored);
            // Each chunk's COPY meets existing ids and is rolled back; its inserts skip them.
            assertThat(statements(fixture)).isNotEmpty().containsOnly("INSERT");
        }
    }

    @Test
    void aConnectionLostInTheMiddleOfACopyResumesAfterTheCommittedChunks() throws Exception {
        StringBuilder csv = new StringBuilder("event_id,event_name,external_customer_id\n");
        for (int i = 1; i <= 250; i++) {
            csv.append("evt_").append(i).append(",api_call,c").append(i).append('\n');
        }
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.POSTGRESQL, dir,
                "plugins.task.chunk-size = 100")) {
            // The server ends the import's connection while the second chunk's COPY is half stored; a sequence
            // is not rolled back with it, so only the first attempt meets this.
            fixture.db.execute("""
                    CREATE SEQUENCE connection_cuts;
                    CREATE FUNCTION cut_connection() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.id = 'evt_150' AND nextval('connection_cuts') = 1 THEN
                            PERFORM pg_terminate_backend(pg_backend_pid());
                        END IF;
                        RETURN NEW;
                    END $$;
                    CREATE TRIGGER events_cut BEFORE INSERT ON events
                        FOR EACH ROW EXECUTE FUNCTION cut_connection();
                    """);
            fixture.insertTask("task_cut", "EVENTS", fixture.file("events.csv", csv.toString()));

            TaskResult result = fixture.run("task_cut");

            assertThat(fixture.importAttempts("task_cut")).isEqualTo(2);
            assertThat(result).extracting(TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords)
                    .containsExactly(TaskStatus.COMPLETED, 250L, 250L, 0L);
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isEqualTo(250);
            assertThat(fixture.count("SELECT COUNT(DISTINCT external_customer_id) FROM events")).isEqualTo(250);
            assertThat(fixture.importedRows("written", "EVENTS")).isEqualTo(250);
        }
    }

    private static List<Object> statements(TaskFixture fixture) {
        return fixture.db.rows("SELECT statement FROM event_writes ORDER BY n").stream()
                .map(row -> row.get("statement")).toList();
    }

    private static Map<String, Object> row(String id, String eventName, String externalCustomerId,
            String customerId, String timestamp, String source, String properties) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("event_name", eventName);
        row.put("external_customer_id", externalCustomerId);
        row.put("customer_id", customerId);
        row.put("timestamp", timestamp);
        row.put("source", source);
        row.put("properties", properties);
        return row;
    }
}
