package dev.workerhost.testkit.host;

import dev.workerhost.spi.ValidationError;
import dev.workerhost.testkit.FailedWorkflowException;
import dev.workerhost.testkit.WorkflowAlreadyRunningException;
import dev.workerhost.testkit.WorkflowStatus;
import dev.workerhost.testkit.bridge.TestSideExceptions;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;

/**
 * What the host side throws, as the test side can catch it: Temporal's and the SPI's exceptions here are classes of
 * the host side's loader, so a test's {@code isInstanceOf} would never match them.
 */
final class HostExceptionTranslator {

    private static final String CLOSE_EVENT = "EVENT_TYPE_WORKFLOW_EXECUTION_";

    private HostExceptionTranslator() {
    }

    static RuntimeException translate(RuntimeException e) {
        if (e instanceof ValidationError invalid) {
            return TestSideExceptions.validationError(invalid.getMessage(), invalid.hint());
        }
        if (e instanceof WorkflowFailedException failed) {
            return failed(failed);
        }
        if (e instanceof WorkflowExecutionAlreadyStarted running) {
            return new WorkflowAlreadyRunningException(running.getExecution().getWorkflowId(), running.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new IllegalArgumentException(e.getMessage(), e);
        }
        return new IllegalStateException(e.toString(), e);
    }

    /** The run's status and the first application failure of its cause chain: what the plugin's code threw. */
    private static FailedWorkflowException failed(WorkflowFailedException failed) {
        String workflowId = failed.getExecution().getWorkflowId();
        WorkflowStatus status = WorkflowStatus.valueOf(
                failed.getWorkflowCloseEventType().name().replace(CLOSE_EVENT, ""));
        for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure application) {
                return new FailedWorkflowException(workflowId, status, application.getType(),
                        application.getOriginalMessage(), hint(application), application.isNonRetryable());
            }
        }
        String message = failed.getCause() instanceof TemporalFailure cause ? cause.getOriginalMessage() : null;
        return new FailedWorkflowException(workflowId, status, null, message, null, false);
    }

    /** The first detail as text, where ValidationError and the plugins' permanent errors put their hint. */
    private static String hint(ApplicationFailure failure) {
        if (failure.getDetails().getSize() == 0) {
            return null;
        }
        try {
            return failure.getDetails().get(0, String.class, String.class);
        } catch (RuntimeException notText) {
            return null;
        }
    }
}
