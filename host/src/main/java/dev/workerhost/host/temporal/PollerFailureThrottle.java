package dev.workerhost.host.temporal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import dev.workerhost.host.retry.RootCause;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * While Temporal is unreachable, every poller of the SDK logs a WARN with a stack trace per failed poll (about 1.5 a
 * second each). This filter drops those (and the workers' other unreachable-server failures) and logs one line per
 * task queue per minute instead; other failures pass, and so does what the log levels silence anyway. Installed by
 * the host's logback.xml ({@code <turboFilter class="...PollerFailureThrottle"/>}).
 */
public final class PollerFailureThrottle extends TurboFilter {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(PollerFailureThrottle.class);
    private static final String SDK_WORKERS = "io.temporal.internal.worker";
    /** Down, slow, or going down (a server that stops cancels the polls it holds). */
    private static final Set<Status.Code> UNREACHABLE =
            Set.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED);
    /** The SDK names its poller threads after the queue: {@code Workflow Poller taskQueue="billing", ...}. */
    private static final Pattern TASK_QUEUE = Pattern.compile("taskQueue=\"([^\"]*)\"");
    private static final long INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    private final Map<String, Long> lastReported = new ConcurrentHashMap<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (!logger.getName().startsWith(SDK_WORKERS) || level == null
                || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        Throwable failure = t != null ? t : lastThrowable(params);
        if (failure == null || !UNREACHABLE.contains(Status.fromThrowable(failure).getCode())) {
            return FilterReply.NEUTRAL;
        }
        String taskQueue = taskQueue(params);
        long now = System.nanoTime();
        Long last = lastReported.get(taskQueue);
        boolean due = last == null ? lastReported.putIfAbsent(taskQueue, now) == null
                : now - last >= INTERVAL_NANOS && lastReported.replace(taskQueue, last, now);
        if (due) {
            LOG.warn("Temporal is not reachable from the workers{}: {} (they keep trying; this line repeats at most"
                    + " once a minute)", taskQueue.isEmpty() ? "" : " of task queue " + taskQueue,
                    RootCause.message(failure));
        }
        return FilterReply.DENY;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable failure
                ? failure
                : null;
    }

    /** From the thread name the SDK logs, else the logging thread's own name; empty when neither names one. */
    private static String taskQueue(Object[] params) {
        if (params != null) {
            for (Object param : params) {
                Matcher matcher = TASK_QUEUE.matcher(String.valueOf(param));
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
        }
        Matcher matcher = TASK_QUEUE.matcher(Thread.currentThread().getName());
        return matcher.find() ? matcher.group(1) : "";
    }
}
