package dev.workerhost.host.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What a log line written by plugin code says about where it ran, in the MDC: {@value #PLUGIN},
 * {@value #TASK_QUEUE}, {@value #WORKFLOW_ID} and {@value #RUN_ID}. Opened around each call into a workflow or an
 * activity; {@link #close()} puts back what the thread had before, so nested calls leave the outer values intact.
 */
public final class PluginLogContext implements AutoCloseable {

    public static final String PLUGIN = "plugin";
    public static final String TASK_QUEUE = "task_queue";
    public static final String WORKFLOW_ID = "workflow_id";
    public static final String RUN_ID = "run_id";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private PluginLogContext(Map<String, String> values) {
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }

    public static PluginLogContext open(String plugin, String taskQueue, String workflowId, String runId) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PLUGIN, plugin);
        values.put(TASK_QUEUE, taskQueue);
        values.put(WORKFLOW_ID, workflowId);
        values.put(RUN_ID, runId);
        return new PluginLogContext(values);
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
