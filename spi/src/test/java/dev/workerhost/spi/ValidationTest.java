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
