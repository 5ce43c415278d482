package dev.workerhost.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class ValidationTest {

    record Input(String taskId) implements Validatable {
        @Override
        public void validate() {
            Validation.requireText(taskId, "task_id");
        }
    }

    @Test
    void blankRequiredFieldNamesTheField() {
        assertThatThrownBy(() -> new Input(" ").validate())
                .isInstanceOf(ValidationError.class)
                .hasMessage("task_id is required")
                .satisfies(e -> assertThat(((ValidationError) e).hint()).contains("task_id"));
    }

    @Test
    void inWorkflowValidationFailsWithoutRetry() {
        assertThatThrownBy(() -> Validation.validateInWorkflow(new Input(null)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.isNonRetryable()).isTrue();
                    assertThat(failure.getType()).isEqualTo(ValidationError.FAILURE_TYPE);
                    assertThat(failure.getOriginalMessage()).isEqualTo("task_id is required");
                });
    }

    @Test
    void anIdOf255CharactersIsAnId() {
        String id = "x".repeat(255);

        assertThat(Validation.requireId(id, "task_id")).isSameAs(id);
        assertThat(Validation.requireId("\uD83D\uDE00".repeat(255), "task_id")).as("characters, not chars").isNotNull();
    }

    @Test
    void aLongerIdIsRefusedWithoutBeingQuoted() {
        String megabyte = "x".repeat(1 << 20);

        assertThatThrownBy(() -> Validation.requireId(megabyte, "task_id"))
                .isInstanceOf(ValidationError.class)
                .hasMessage("task_id is 1048576 characters long, more than 255");
    }

    @Test
    void anIdWithAControlCharacterIsRefusedNamingIt() {
        assertThatThrownBy(() -> Validation.requireId("sub\u0000_1", "subscription_id"))
                .isInstanceOf(ValidationError.class)
                .hasMessage("subscription_id contains the control character U+0000 at character 4");
        assertThatThrownBy(() -> Validation.requireId("line\nbreak", "task_id"))
                .hasMessageContaining("U+000A");
    }

    @Test
    void aBlankOrMissingIdIsRequired() {
        assertThatThrownBy(() -> Validation.requireId(" ", "plan_id")).hasMessage("plan_id is required");
        assertThatThrownBy(() -> Validation.requireId(null, "plan_id")).hasMessage("plan_id is required");
    }

    @Test
    void anExcerptIsBounded() {
        assertThat(Validation.excerpt("short")).isEqualTo("short");
        assertThat(Validation.excerpt("y".repeat(1 << 20)))
                .hasSizeLessThan(200)
                .endsWith("... (1048576 characters)");
    }

    @Test
    void validInputPassesThrough() {
        Input input = new Input("t1");
        assertThat(Validation.validateInWorkflow(input)).isSameAs(input);
    }

    @Test
    void derivedWorkflowIdUsesTheTypedInput() {
        WorkflowDefaults defaults = WorkflowDefaults.standard().withWorkflowId(Input.class, in -> "W-" + in.taskId());

        assertThat(defaults.workflowIdFor(new Input("7"))).contains("W-7");
        assertThat(WorkflowDefaults.standard().workflowIdFor(new Input("7"))).isEmpty();
        assertThat(defaults.retryOptions().getDoNotRetry()).contains(ValidationError.FAILURE_TYPE);
    }
}
