package dev.workerhost.plugins.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workerhost.plugins.domain.NotFoundException;
import dev.workerhost.plugins.plan.models.PriceSyncInput;
import dev.workerhost.plugins.plan.models.PriceSyncResult;
import dev.workerhost.spi.StartOptions;
import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.FailedWorkflowException;
import dev.workerhost.testkit.TestDatabase;
import dev.workerhost.testkit.WorkflowAlreadyRunningException;
import dev.workerhost.testkit.WorkflowHistory;
import dev.workerhost.testkit.WorkflowRun;
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
        // Started by a plain client where no worker polls, the first sync of the plan stays running until the test
        // ends it.
        String workflowId = "PriceSyncWorkflow-" + rows.id("plan");
        WorkflowRun held = fixture.env.startUnchecked("PriceSyncWorkflow", input,
                StartOptions.defaults().withWorkflowId(workflowId).withTaskQueue("nobody-polls-this"));

        assertThatThrownBy(() -> fixture.env.start("PriceSyncWorkflow", input))
                .isInstanceOfSatisfying(WorkflowAlreadyRunningException.class,
                        refused -> assertThat(refused.workflowId()).isEqualTo(workflowId));
        assertThat(fixture.sync(rows.syncInput("other_plan")).planId()).isEqualTo(rows.id("other_plan"));

        fixture.env.terminate(held.workflowId(), "the test is done with it");
        assertThat(fixture.sync(input)).isEqualTo(new PriceSyncResult(rows.id("plan"), 0, 0, 0, 0));
    }

    @Test
    void failsWithoutRetryNamingAPlanThatDoesNotExistInTheTenant() {
        TenantRows rows = fixture.tenant();
        TenantRows otherTenant = fixture.tenant();
        otherTenant.row("plans", "plan").with("id", rows.id("plan")).insert();

        assertThatThrownBy(() -> fixture.sync(rows.syncInput("plan")))
                .isInstanceOfSatisfying(FailedWorkflowException.class, failure -> {
                    assertThat(failure.failureType()).isEqualTo(NotFoundException.FAILURE_TYPE);
                    assertThat(failure.nonRetryable()).isTrue();
                    assertThat(failure.failureMessage()).isEqualTo("plan " + rows.id("plan") + " (tenant "
                            + rows.tenantId + ", environment " + rows.environmentId + ") not found");
                    assertThat(failure.hint()).hasValueSatisfying(hint ->
                            assertThat(hint).startsWith("check plan_id, tenant_id and environment_id"));
                });
        WorkflowHistory history = fixture.env.history("PriceSyncWorkflow-" + rows.id("plan"));
        assertThat(history.workflowAttempt()).isEqualTo(1);
        assertThat(history.activityAttempts()).containsExactly(1);
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
            WorkflowRun plain = onEngine.env.startUnchecked("PriceSyncWorkflow", input,
                    StartOptions.defaults().withWorkflowId(workflowId));
            assertThatThrownBy(() -> plain.result(PriceSyncResult.class))
                    .isInstanceOfSatisfying(FailedWorkflowException.class, failure ->
                            assertThat(failure.nonRetryable()).isTrue());
            WorkflowHistory history = onEngine.env.history(workflowId);
            assertThat(history.workflowAttempt()).isEqualTo(1);
            assertThat(history.activityAttempts()).allMatch(attempt -> attempt == 1);
        }
    }

    @Test
    void refusesAnIncompleteInputBeforeStartingNamingTheFirstMissingField() {
        assertThatThrownBy(() -> fixture.env.start("PriceSyncWorkflow", new PriceSyncInput(null, null, null, null)))
                .isInstanceOf(ValidationError.class)
                .hasMessage("plan_id is required");
        assertThatThrownBy(() -> fixture.env.start("PriceSyncWorkflow", new PriceSyncInput("plan", "tenant", "env", " ")))
                .isInstanceOf(ValidationError.class)
                .hasMessage("user_id is required");
    }

    @Test
    void validatesItsInputAgainWhenAPlainClientStartsIt() {
        WorkflowRun run = fixture.env.startUnchecked("PriceSyncWorkflow", new PriceSyncInput("plan", "tenant", null, "user"));

        assertThatThrownBy(() -> run.result(PriceSyncResult.class))
                .isInstanceOfSatisfying(FailedWorkflowException.class, failure -> {
                    assertThat(failure.failureType()).isEqualTo(ValidationError.FAILURE_TYPE);
                    assertThat(failure.failureMessage()).isEqualTo("environment_id is required");
                });
    }
}
