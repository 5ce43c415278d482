package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.StartedWorkflow;
import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.TestDatabase;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How PriceSyncWorkflow starts, refuses and fails, independent of the database engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PriceSyncWorkflowTest {

    private SyncFixture fixture;

    @BeforeAll
    void start() {
        fixture = SyncFixture.start(TestDatabase.Engine.H2, "");
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void aSecondSyncOfAPlanIsRefusedWhileOneRunsAndAllowedOnceItHasEnded() {
        TenantRows rows = fixture.tenant();
        rows.plan("plan");
        rows.plan("other_plan");
        PriceSyncInput input = rows.syncInput("plan");
        // No worker polls this queue, so the first sync stays running until the test ends it.
        StartedWorkflow held = fixture.env.workflows()
                .start("PriceSyncWorkflow", input, StartOptions.defaults().withTaskQueue("nobody-polls-this"));
        assertThat(held.workflowId()).isEqualTo("PriceSyncWorkflow-" + rows.id("plan"));

        assertThatThrownBy(() -> fixture.env.workflows().start("PriceSyncWorkflow", input))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(fixture.sync(rows.syncInput("other_plan")).planId()).isEqualTo(rows.id("other_plan"));

        fixture.env.client().newUntypedWorkflowStub(held.workflowId()).terminate("the test is done with it");
        assertThat(fixture.sync(input)).isEqualTo(new PriceSyncResult(rows.id("plan"), 0, 0, 0, 0));
    }

    @Test
    void failsWithoutRetryNamingAPlanThatDoesNotExistInTheTenant() {
        TenantRows rows = fixture.tenant();
        TenantRows otherTenant = fixture.tenant();
        otherTenant.row("plans", "plan").with("id", rows.id("plan")).insert();

        assertThatThrownBy(() -> fixture.sync(rows.syncInput("plan")))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(NotFoundException.FAILURE_TYPE);
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getOriginalMessage()).isEqualTo("plan " + rows.id("plan") + " (tenant "
                            + rows.tenantId + ", environment " + rows.environmentId + ") not found");
                    assertThat(failure.getDetails().get(String.class))
                            .startsWith("check plan_id, tenant_id and environment_id");
                });
        String workflowId = "PriceSyncWorkflow-" + rows.id("plan");
        assertThat(fixture.env.workflowAttempt(workflowId)).isEqualTo(1);
        assertThat(fixture.env.activityAttempts(workflowId)).containsExactly(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void aNulCharacterInThePlanIdFailsOnceWithoutRetries(TestDatabase.Engine engine) {
        try (SyncFixture onEngine = SyncFixture.start(engine, "")) {
            TenantRows rows = onEngine.tenant();
            rows.plan("plan");
            PriceSyncInput input = new PriceSyncInput(rows.id("plan") + "\u0000", rows.tenantId, rows.environmentId,
                    "user_test");

            assertThatThrownBy(() -> onEngine.sync(input)).as("the starter checks ids before it sends")
                    .isInstanceOf(ValidationError.class)
                    .hasMessage("plan_id contains the control character U+0000 at character 14");
            // A plain Temporal client sends it anyway: the workflow's own check refuses it, never retried.
            String workflowId = "PriceSyncWorkflow-" + input.planId();
            WorkflowStub plain = onEngine.env.client().newUntypedWorkflowStub("PriceSyncWorkflow",
                    WorkflowOptions.newBuilder().setTaskQueue("plan").setWorkflowId(workflowId).build());
            plain.start(input);
            assertThatThrownBy(() -> plain.getResult(PriceSyncResult.class))
                    .isInstanceOf(WorkflowFailedException.class)
                    .cause()
                    .isInstanceOfSatisfying(ApplicationFailure.class, failure ->
                            assertThat(failure.isNonRetryable()).isTrue());
            assertThat(onEngine.env.workflowAttempt(workflowId)).isEqualTo(1);
            assertThat(onEngine.env.activityAttempts(workflowId)).allMatch(attempt -> attempt == 1);
        }
    }

    @Test
    void refusesAnIncompleteInputBeforeStartingNamingTheFirstMissingField() {
        assertThatThrownBy(() -> fixture.env.workflows()
                .start("PriceSyncWorkflow", new PriceSyncInput(null, null, null, null)))
                .isInstanceOf(ValidationError.class)
                .hasMessage("plan_id is required");
        assertThatThrownBy(() -> fixture.env.workflows()
                .start("PriceSyncWorkflow", new PriceSyncInput("plan", "tenant", "env", " ")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user_id is required");
    }

    @Test
    void validatesItsInputAgainWhenAPlainClientStartsIt() {
        WorkflowStub stub = fixture.env.client().newUntypedWorkflowStub("PriceSyncWorkflow",
                WorkflowOptions.newBuilder().setTaskQueue(PlanModule.TASK_QUEUE).build());
        stub.start(new PriceSyncInput("plan", "tenant", null, "user"));

        assertThatThrownBy(() -> stub.getResult(PriceSyncResult.class))
                .isInstanceOf(WorkflowFailedException.class)
                .cause()
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo(ValidationError.FAILURE_TYPE);
                    assertThat(failure.getOriginalMessage()).isEqualTo("environment_id is required");
                });
    }
}
