package dev.workerhost.plugins.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workerhost.plugins.task.models.TaskInput;
import dev.workerhost.plugins.task.models.TaskResult;
import dev.workerhost.plugins.task.models.TaskStatus;
import dev.workerhost.plugins.task.workflows.TaskProcessingWorkflow;
import dev.workerhost.spi.Json;
import dev.workerhost.testkit.FailedWorkflowException;
import dev.workerhost.testkit.TestDatabase;
import dev.workerhost.testkit.WorkflowRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Execution(ExecutionMode.CONCURRENT)
class TaskProcessingWorkflowTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void importsTheGoodEventsInChunksAndFailsTheTaskListingEachBadRecordByLine(TestDatabase.Engine engine)
            throws Exception {
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            fixture.insertTask("task_events", "EVENTS", fixture.file("events.csv", "\uFEFF"
                    + "event_id,event_name,external_customer_id,timestamp,source,properties.tokens,properties.seat\r\n"
                    + "e1,api_call,cust_1,2024-05-01T10:00:00Z,\"sdk, v2\",10,\r\n"
                    + "e2,api_call,cust_1,yesterday,sdk,20,\r\n"
                    + ",seat_added,cust_2,2024-05-01T11:00:00+02:00,sdk,,\"{\"\"email\"\": \"\"a@b.c\"\"}\"\r\n"
                    + "e4,seat_added,cust_2,,sdk,,{broken\r\n"
                    + "e5,,cust_3,2024-05-01T12:00:00Z,sdk,5,\r\n"
                    + "e6,api_call,cust_3\r\n"
                    + "e7,api_call,cust_3,2024-05-01T13:00:00Z,\"multi\nline\",7,\r\n"));

            TaskResult result = fixture.run("task_events");

            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.processedRecords()).isEqualTo(7);
            assertThat(result.successfulRecords()).isEqualTo(3);
            assertThat(result.failedRecords()).isEqualTo(4);
            assertThat(result.errorSummary()).isEqualTo(
                    "Line 3: timestamp \"yesterday\" is not an RFC 3339 time such as 2024-05-01T12:00:00Z\n"
                            + "Line 5: properties.seat is not valid JSON: Unexpected character ('b' (code 98)):"
                            + " was expecting double-quote to start field name\n"
                            + "Line 6: event_name is required\n"
                            + "Line 7: the record has 3 fields but the header has 7");
            assertThat(result.completedAt()).isNotNull();

            assertThat(fixture.db.rows("SELECT id, source, properties FROM events WHERE tenant_id = ? ORDER BY id",
                    TaskFixture.TENANT)).containsExactly(
                            Map.of("id", "e1", "source", "sdk, v2", "properties", "{\"tokens\":\"10\"}"),
                            Map.of("id", "e7", "source", "multi\nline", "properties", "{\"tokens\":\"7\"}"),
                            Map.of("id", "task_events_4", "source", "sdk",
                                    "properties", "{\"seat\":{\"email\":\"a@b.c\"}}"));
            Map<String, Object> task = fixture.task("task_events");
            assertThat(task).containsEntry("task_status", "FAILED")
                    .containsEntry("total_records", 7L)
                    .containsEntry("processed_records", 7L)
                    .containsEntry("successful_records", 3L)
                    .containsEntry("failed_records", 4L)
                    .containsEntry("error_summary", result.errorSummary())
                    .containsEntry("workflow_id", "TaskProcessingWorkflow-task_events")
                    .containsEntry("completed_at", null);
            assertThat(task.get("run_id")).isNotNull();
            assertThat(task.get("started_at")).isNotNull();
            assertThat(task.get("failed_at")).isNotNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void upsertsCustomersFromAJsonArrayByExternalIdMergingTheirMetadata(TestDatabase.Engine engine)
            throws Exception {
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            fixture.db.execute("INSERT INTO customers (id, tenant_id, environment_id, external_id, name, email,"
                    + " metadata) VALUES ('cus_old', '" + TaskFixture.TENANT + "', '" + TaskFixture.ENVIRONMENT
                    + "', 'c1', 'Acme', 'old@acme.example', '{\"tier\":\"gold\",\"region\":\"eu\"}')");
            fixture.insertTask("task_customers", "CUSTOMERS", fixture.file("customers.json", "["
                    + "{\"external_id\": \"c1\", \"email\": \"billing@acme.example\", \"metadata\": {\"region\": \"us\"}},"
                    + "{\"external_id\": \"c2\", \"name\": \"Globex\", \"address_city\": \"Springfield\","
                    + " \"address_country\": \"US\", \"metadata.source\": \"import\"},"
                    + "{\"external_id\": \"c1\", \"metadata.vip\": \"true\", \"metadata.limits\": \"{\\\"seats\\\": 5}\"},"
                    + "{\"name\": \"no external id\"}"
                    + "]"));

            TaskResult result = fixture.run("task_customers");

            assertThat(result).extracting(TaskResult::status, TaskResult::processedRecords,
                    TaskResult::successfulRecords, TaskResult::failedRecords, TaskResult::errorSummary)
                    .containsExactly(TaskStatus.FAILED, 4L, 3L, 1L, "Line 4: external_id is required");
            Map<String, Object> acme = fixture.db.rows("SELECT * FROM customers WHERE external_id = 'c1'").get(0);
            assertThat(acme).containsEntry("id", "cus_old")
                    .containsEntry("name", "Acme")
                    .containsEntry("email", "billing@acme.example");
            assertThat(json(acme.get("metadata"))).isEqualTo(json(
                    "{\"tier\":\"gold\",\"region\":\"us\",\"vip\":\"true\",\"limits\":{\"seats\":5}}"));
            Map<String, Object> globex = fixture.db.rows("SELECT * FROM customers WHERE external_id = 'c2'").get(0);
            assertThat((String) globex.get("id")).startsWith("cus_");
            assertThat(globex).containsEntry("tenant_id", TaskFixture.TENANT)
                    .containsEntry("name", "Globex")
                    .containsEntry("address_city", "Springfield")
                    .containsEntry("address_country", "US")
                    .containsEntry("email", null);
            assertThat(json(globex.get("metadata"))).isEqualTo(json("{\"source\":\"import\"}"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aTaskOfAnotherTenantIsNotFoundAndLeftUntouched(TestDatabase.Engine engine) throws Exception {
        try (TaskFixture fixture = TaskFixture.start(engine, dir)) {
            fixture.insertTask("task_theirs", "tenant_other", "EVENTS",
                    fixture.file("theirs.csv", "event_name,external_customer_id\ne,c\n"), "CSV");

            TaskResult result = fixture.run("task_theirs");

            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.errorSummary()).isEqualTo(
                    "task task_theirs not found for tenant tenant_1, environment env_1; check task_id, tenant_id and"
                            + " environment_id");
            assertThat(fixture.task("task_theirs")).containsEntry("task_status", "PENDING")
                    .containsEntry("workflow_id", null)
                    .containsEntry("processed_records", 0L)
                    .containsEntry("error_summary", null);
            assertThat(fixture.count("SELECT COUNT(*) FROM events")).isZero();
        }
    }

    @Test
    void anUnsupportedEntityTypeFailsTheTaskNamingIt() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            fixture.insertTask("task_orders", "ORDERS", fixture.file("orders.csv", "id\n1\n"));

            TaskResult result = fixture.run("task_orders");

            assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
            assertThat(result.errorSummary())
                    .isEqualTo("unsupported entity type ORDERS; set the task's entity_type to EVENTS or CUSTOMERS");
            assertThat(fixture.task("task_orders")).containsEntry("task_status", "FAILED")
                    .containsEntry("error_summary", result.errorSummary());
        }
    }

    @Test
    void aMissingFileOrAnUnknownFileTypeFailsTheTaskWithoutRetrying() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            String missing = dir.resolve("missing.csv").toUri().toString();
            fixture.insertTask("task_missing", "EVENTS", missing);
            fixture.insertTask("task_unknown", "EVENTS", fixture.file("events.txt", "event_name\n"));

            assertThat(fixture.run("task_missing").errorSummary())
                    .isEqualTo("file not found: " + missing + "; check the task's file_url");
            assertThat(fixture.run("task_unknown").errorSummary()).startsWith("cannot tell the file type of ")
                    .endsWith("events.txt from its name; set the task's file_type to CSV or JSON");
            assertThat(fixture.task("task_missing")).containsEntry("task_status", "FAILED");
        }
    }

    @Test
    void theSummaryListsTenErrorsThenCountsTheRestAcrossChunks() throws Exception {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            StringBuilder csv = new StringBuilder("event_name,external_customer_id\n");
            for (int i = 0; i < 14; i++) {
                csv.append(i == 5 ? "good,c\n" : "bad,\n");
            }
            fixture.insertTask("task_bad", "EVENTS", fixture.file("bad.csv", csv.toString()));

            TaskResult result = fixture.run("task_bad");

            assertThat(result.failedRecords()).isEqualTo(13);
            assertThat(result.errorSummary().split("\n")).hasSize(11)
                    .startsWith("Line 2: external_customer_id is required")
                    .contains("Line 8: external_customer_id is required")
                    .doesNotContain("Line 7: external_customer_id is required")
                    .endsWith("Line 12: external_customer_id is required", "(and 3 more errors...)");
        }
    }

    @Test
    void anInvalidInputFailsTheWorkflowWithANonRetryableValidationError() {
        try (TaskFixture fixture = TaskFixture.start(TestDatabase.Engine.H2, dir)) {
            // A plain Temporal client skips the host's validation; the workflow checks again.
            WorkflowRun run = fixture.env.startUnchecked(TaskProcessingWorkflow.TYPE,
                    new TaskInput("task_1", null, "env_1"));

            assertThatThrownBy(() -> run.result(TaskResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failure -> {
                        assertThat(failure.failureType()).isEqualTo("ValidationError");
                        assertThat(failure.failureMessage()).isEqualTo("tenant_id is required");
                        assertThat(failure.nonRetryable()).isTrue();
                    });
        }
    }

    private static JsonNode json(Object text) throws Exception {
        return Json.reader().readTree((String) text);
    }
}
