package dev.workerhost.host.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who owns a name in a host: a plugin name, a task queue, a workflow type and an activity type each belong to one
 * plugin. A name claimed by two plugins admitted together is refused to every claimant, so which plugin gets a name
 * never depends on file names or load order, and no plugin can take over another's. A newcomer that claims a name a
 * registered plugin owns is refused and the owner keeps it: admitting a plugin never changes what already runs.
 */
final class Ownership {

    private enum Kind {
        PLUGIN_NAME("plugin name", "plugin names are unique in a host: rename one of them (WorkflowModule.name())"),
        TASK_QUEUE("task queue", "a task queue belongs to one plugin: give one of them another task queue"),
        WORKFLOW_TYPE("workflow type", "workflow types are global to a host: rename the type in one of them "
                + "(@WorkflowMethod(name = ...))"),
        ACTIVITY_TYPE("activity type", "activity types are global to a host: give one plugin's activity interface "
                + "a prefix (@ActivityInterface(namePrefix = \"<plugin>-\"))");

        private final String label;
        private final String fix;

        Kind(String label, String fix) {
            this.label = label;
            this.fix = fix;
        }
    }

    private record Claim(Kind kind, String name) {

        @Override
        public String toString() {
            return kind.label + " " + name;
        }
    }

    private Ownership() {
    }

    /**
     * @param owners the registered plugins
     * @param candidates plugins whose register ran, admitted together
     * @return the candidates to refuse, by location, each with every contested name, its other claimants and the fix
     */
    static Map<Path, String> refusals(Collection<PluginEntry> owners, List<PluginEntry> candidates) {
        Map<Claim, PluginEntry> owned = new LinkedHashMap<>();
        owners.forEach(owner -> claims(owner).forEach(claim -> owned.put(claim, owner)));
        Map<Claim, List<PluginEntry>> claimants = new LinkedHashMap<>();
        candidates.forEach(candidate ->
                claims(candidate).forEach(claim -> claimants.computeIfAbsent(claim, c -> new ArrayList<>()).add(candidate)));
        Map<Path, List<String>> problems = new LinkedHashMap<>();
        claimants.forEach((claim, claiming) -> {
            PluginEntry owner = owned.get(claim);
            for (PluginEntry candidate : claiming) {
                List<PluginEntry> others = claiming.stream().filter(other -> other != candidate).toList();
                if (owner != null) {
                    add(problems, candidate, claim + " belongs to plugin " + where(owner)
                            + ", which keeps it: " + claim.kind().fix);
                } else if (!others.isEmpty()) {
                    add(problems, candidate, claim + " is also claimed by " + (others.size() == 1 ? "plugin " : "plugins ")
                            + others.stream().map(Ownership::where).collect(Collectors.joining(", "))
                            + ", so none of them may have it: " + claim.kind().fix);
                }
            }
        });
        Map<Path, String> refusals = new LinkedHashMap<>();
        problems.forEach((location, causes) -> refusals.put(location, String.join("; ", causes)));
        return refusals;
    }

    private static Set<Claim> claims(PluginEntry entry) {
        Set<Claim> claims = new LinkedHashSet<>();
        claims.add(new Claim(Kind.PLUGIN_NAME, entry.name()));
        entry.declarations().ifPresent(declared -> {
            declared.taskQueues().forEach(queue -> claims.add(new Claim(Kind.TASK_QUEUE, queue)));
            declared.workflowTypes().forEach(type -> claims.add(new Claim(Kind.WORKFLOW_TYPE, type)));
            declared.activityTypes().keySet().forEach(type -> claims.add(new Claim(Kind.ACTIVITY_TYPE, type)));
        });
        return claims;
    }

    private static void add(Map<Path, List<String>> problems, PluginEntry candidate, String problem) {
        problems.computeIfAbsent(candidate.location(), location -> new ArrayList<>()).add(problem);
    }

    private static String where(PluginEntry plugin) {
        return plugin.name() + " (" + plugin.location() + ")";
    }
}
