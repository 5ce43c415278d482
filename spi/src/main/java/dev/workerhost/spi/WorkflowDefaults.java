package dev.workerhost.spi;

import static java.util.Objects.requireNonNull;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.VersioningBehavior;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The options a workflow type is started with unless the caller says otherwise: an execution timeout, a retry
 * policy and, for types that must run once per business key, the workflow id derived from the input; and the
 * versioning behaviour its runs get where the host registers its workers as Worker Deployment versions.
 */
public final class WorkflowDefaults {

    /** How long a workflow may run, retries included, unless its type says otherwise. */
    public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofHours(1);

    private static final WorkflowDefaults STANDARD =
            new WorkflowDefaults(DEFAULT_EXECUTION_TIMEOUT, defaultRetryOptions(), null, null);

    private final Duration executionTimeout;
    private final RetryOptions retryOptions;
    private final Function<Object, String> workflowIdFromInput;
    private final VersioningBehavior versioningBehavior;

    private WorkflowDefaults(Duration executionTimeout, RetryOptions retryOptions,
            Function<Object, String> workflowIdFromInput, VersioningBehavior versioningBehavior) {
        this.executionTimeout = requireNonNull(executionTimeout, "executionTimeout is null");
        this.retryOptions = requireNonNull(retryOptions, "retryOptions is null");
        this.workflowIdFromInput = workflowIdFromInput;
        this.versioningBehavior = versioningBehavior;
    }

    /** A one-hour execution timeout and {@link #defaultRetryOptions()}. */
    public static WorkflowDefaults standard() {
        return STANDARD;
    }

    /**
     * Retries a failed run after 1 s, doubling up to 1 min, at most 3 attempts; a {@link ValidationError} is never
     * retried since the same input fails the same way.
     */
    public static RetryOptions defaultRetryOptions() {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(3)
                .setDoNotRetry(ValidationError.FAILURE_TYPE)
                .build();
    }

    public WorkflowDefaults withExecutionTimeout(Duration timeout) {
        return new WorkflowDefaults(timeout, retryOptions, workflowIdFromInput, versioningBehavior);
    }

    public WorkflowDefaults withRetryOptions(RetryOptions options) {
        return new WorkflowDefaults(executionTimeout, options, workflowIdFromInput, versioningBehavior);
    }

    /**
     * Derives the workflow id from the input when a start names none, e.g. {@code "PriceSyncWorkflow-" + planId}, so
     * that a second start for the same key while one runs is rejected as already running.
     */
    public <I> WorkflowDefaults withWorkflowId(Class<I> inputType, Function<? super I, String> idFromInput) {
        requireNonNull(inputType, "inputType is null");
        requireNonNull(idFromInput, "idFromInput is null");
        return new WorkflowDefaults(executionTimeout, retryOptions,
                input -> idFromInput.apply(inputType.cast(input)), versioningBehavior);
    }

    /**
     * How a run of this type moves between versions of the plugin on a Temporal cluster where the host registers its
     * workers as Worker Deployment versions ({@code workers.deployment.name}): {@link VersioningBehavior#PINNED}
     * runs finish on the version that started them, so a new version need not replay them;
     * {@link VersioningBehavior#AUTO_UPGRADE} runs move to the deployment's current version, whose code must replay
     * them. Without it the host uses {@code AUTO_UPGRADE}, which is how every run behaves without versioning. The
     * types of one task queue must agree, since a worker has one default; an {@code @WorkflowVersioningBehavior}
     * on the workflow method is the SDK's way to set one type apart. No effect without versioning.
     */
    public WorkflowDefaults withVersioningBehavior(VersioningBehavior behavior) {
        requireNonNull(behavior, "behavior is null");
        if (behavior == VersioningBehavior.UNSPECIFIED) {
            throw new IllegalArgumentException("a workflow type's versioning behaviour is PINNED or AUTO_UPGRADE");
        }
        return new WorkflowDefaults(executionTimeout, retryOptions, workflowIdFromInput, behavior);
    }

    public Duration executionTimeout() {
        return executionTimeout;
    }

    public RetryOptions retryOptions() {
        return retryOptions;
    }

    /** The versioning behaviour this type declares, if any (see {@link #withVersioningBehavior}). */
    public Optional<VersioningBehavior> versioningBehavior() {
        return Optional.ofNullable(versioningBehavior);
    }

    /** The id this type's workflow must run under for {@code input}, if the type derives one. */
    public Optional<String> workflowIdFor(Object input) {
        return workflowIdFromInput == null || input == null
                ? Optional.empty()
                : Optional.of(workflowIdFromInput.apply(input));
    }

    /**
     * The Temporal options of one start: the caller's choices over these defaults. The id is the caller's, else the
     * one derived from the input, else {@code <type>-<uuid>}. A finished workflow's id may be reused, a running
     * one's may not: starting it again fails with {@code WorkflowExecutionAlreadyStarted}.
     */
    public WorkflowOptions toWorkflowOptions(
            String workflowType, String taskQueue, Object input, StartOptions options) {
        String workflowId = options.workflowId()
                .or(() -> workflowIdFor(input))
                .orElseGet(() -> workflowType + "-" + UUID.randomUUID());
        WorkflowOptions.Builder builder = WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(options.taskQueue().orElse(taskQueue))
                .setWorkflowExecutionTimeout(executionTimeout)
                .setRetryOptions(retryOptions)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL);
        options.cronSchedule().ifPresent(builder::setCronSchedule);
        return builder.build();
    }
}
