package dev.workerhost.host.registry;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What the host knows about one plugin, healthy or not. The log, the CLI and the JSON documents all show this one
 * record, so an operator reads a failure the same way everywhere. A plugin that could not even be loaded is named
 * after its jar or folder and has no version or SPI version. Warnings are what the host would have the plugin's author
 * change even though the plugin works, e.g. a bundled copy of a package the host shares.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PluginDescriptor(
        String name,
        String version,
        String location,
        Integer spiVersion,
        PluginState state,
        String cause,
        List<String> taskQueues,
        List<String> workflowTypes,
        List<String> activityTypes,
        List<String> warnings) {

    public PluginDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        requireNonNull(state, "state is null");
        taskQueues = List.copyOf(taskQueues);
        workflowTypes = List.copyOf(workflowTypes);
        activityTypes = List.copyOf(activityTypes);
        warnings = List.copyOf(warnings);
    }

    public PluginDescriptor withState(PluginState newState, String newCause) {
        return new PluginDescriptor(
                name, version, location, spiVersion, newState, newCause, taskQueues, workflowTypes, activityTypes,
                warnings);
    }

    @JsonIgnore
    public boolean isBroken() {
        return state == PluginState.FAILED;
    }

    /** One line naming the plugin, where it lies and why it failed, e.g. for the log and the CLI. */
    public String problem() {
        return "plugin " + name + " (" + location + ") " + state + ": " + cause;
    }

    /** One line saying what the plugin installed. */
    public String summary() {
        return "plugin " + name + " " + version + " from " + location + ": " + state
                + ", task queues " + taskQueues + ", workflow types " + workflowTypes
                + ", activity types " + activityTypes;
    }
}
