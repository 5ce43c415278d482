package dev.workerhost.plugins.domain;

import dev.workerhost.spi.ValidationError;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' one failure idiom: an error that no retry can fix fails its activity once and its workflow once,
 * with the same failure type, message and hint, and its cause kept; anything else is retried by the retry policies.
 *
 * <ul>
 *   <li>Activity code throws {@link PermanentException} ({@link NotFoundException}, {@link InvalidDataException},
 *       {@link DatabaseSetupException}) or the SPI's {@link ValidationError}; a {@link DataAccessException} is
 *       classified by {@link SqlErrors#classify}.
 *   <li>The plugin registers its activities wrapped by {@link #activities}: such an error leaves the activity as a
 *       non-retryable {@link ApplicationFailure} (type, message, the hint as its details, the cause), logged as
 *       one WARN line without a stack trace (the trace is at DEBUG).
 *   <li>Workflows call activities through {@link #newActivityStub}: a non-retryable activity failure fails the
 *       workflow with a copy of it (same type, message and hint; the activity failure as its cause), which the
 *       workflow's retry policy does not retry either. Temporal would otherwise retry a workflow failed by an
 *       {@link ActivityFailure}, whatever its cause. Retryable failures reach the workflow code unchanged.
 * </ul>
 *
 * Only synchronous calls go through the stub's conversion; a workflow that calls activities with {@code Async}
 * handles the failures of its promises itself.
 */
public final class FailOnce {

    private static final Logger LOG = LoggerFactory.getLogger(FailOnce.class);

    private FailOnce() {
    }

    /**
     * Wraps an activity implementation for registration. The result implements every interface that
     * {@code implementation} implements, so Temporal registers the same activity types.
     */
    public static Object activities(Object implementation) {
        Class<?> type = implementation.getClass();
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(implementation, args);
            } catch (InvocationTargetException e) {
                throw reported(method, e.getCause());
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), interfaces(type), handler);
    }

    /** {@link Workflow#newActivityStub(Class, ActivityOptions)} whose permanent failures fail the workflow. */
    public static <T> T newActivityStub(Class<T> activityInterface, ActivityOptions options) {
        return failingWorkflow(activityInterface, Workflow.newActivityStub(activityInterface, options));
    }

    /** {@link Workflow#newActivityStub(Class, ActivityOptions, Map)}, with per-activity-type options. */
    public static <T> T newActivityStub(
            Class<T> activityInterface, ActivityOptions options, Map<String, ActivityOptions> perActivityType) {
        return failingWorkflow(activityInterface, Workflow.newActivityStub(activityInterface, options, perActivityType));
    }

    private static <T> T failingWorkflow(Class<T> activityInterface, T stub) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(stub, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof ActivityFailure failure
                        && failure.getCause() instanceof ApplicationFailure cause && cause.isNonRetryable()) {
                    // The activity's failure was benign for the activity (logged once there); the workflow's is not.
                    throw ApplicationFailure.newBuilder(cause)
                            .setCategory(ApplicationErrorCategory.UNSPECIFIED)
                            .setCause(failure)
                            .build();
                }
                throw e.getCause();
            }
        };
        return activityInterface.cast(Proxy.newProxyInstance(
                activityInterface.getClassLoader(), new Class<?>[] {activityInterface}, handler));
    }

    private static Throwable reported(Method method, Throwable error) {
        if (error instanceof ValidationError invalid) {
            return failure(method, ValidationError.FAILURE_TYPE, invalid.getMessage(), invalid.hint(), null, error);
        }
        Throwable classified = error instanceof DataAccessException dataAccess ? SqlErrors.classify(dataAccess) : error;
        if (classified instanceof PermanentException permanent) {
            return failure(method, permanent.failureType(), permanent.getMessage(), permanent.hint(),
                    permanent.getCause(), permanent);
        }
        return classified;
    }

    private static ApplicationFailure failure(
            Method method, String type, String message, String hint, Throwable cause, Throwable error) {
        String activity = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        LOG.warn("{} failed for good ({}): {}; {}", activity, type, message, hint);
        LOG.debug("{} failed for good", activity, error);
        return ApplicationFailure.newBuilder()
                .setType(type)
                .setMessage(message)
                .setDetails(hint)
                .setNonRetryable(true)
                .setCause(cause)
                // Not an error of the worker: it has been logged above, so the SDK logs it at DEBUG only.
                .setCategory(ApplicationErrorCategory.BENIGN)
                .build();
    }

    private static Class<?>[] interfaces(Class<?> type) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(List.of(c.getInterfaces()));
        }
        return interfaces.toArray(Class<?>[]::new);
    }
}
