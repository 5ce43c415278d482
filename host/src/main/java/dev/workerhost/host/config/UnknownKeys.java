package dev.workerhost.host.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration keys nothing reads. Typesafe Config ignores a key nobody asks for, so a misspelt one
 * ({@code host.plugin-dir}) would silently leave its default in place: the host refuses it, naming the key, where it
 * was set and the nearest key it knows.
 *
 * <p>The known keys are those of the reference configuration, null values included (a null names a key that is
 * unset by default). An empty object there is an open map whose entries are the user's; {@code datasources.<name>}
 * and {@code workers."<queue>"} are open maps whose entries have the keys of {@code datasources.default} and
 * {@code workers.defaults}. An entry the reference defines itself ({@code workers.deployment}) is no map entry but a
 * section of its own, checked against its own keys.
 */
final class UnknownKeys {

    /** The host's own sections; {@code plugins.<name>} is checked against each plugin's reference.conf. */
    private static final List<String> HOST_SECTIONS = List.of("host", "temporal", "datasources", "workers");
    private static final List<String> SECTIONS = List.of("host", "temporal", "datasources", "workers", "plugins");
    private static final Map<String, String> OPEN_MAP_TEMPLATES = Map.of(
            "datasources", "datasources.default",
            "workers", "workers.defaults");
    /** A key from a system property this close to a known key is a misspelling of it, not a JVM property. */
    private static final int TYPO_DISTANCE = 2;

    private UnknownKeys() {
    }

    /**
     * @param files the configuration files, each as parsed: every top-level key of a file must be a section
     * @param properties system properties and command-line overrides: the JVM's own properties live there too, so a
     *     top-level key outside the sections is refused only when it is a near miss of a known key
     * @throws IllegalArgumentException naming the first unknown key, where it was set and the nearest known key
     */
    static void requireNoneInHost(Config config, Config reference, List<Config> files, List<Config> properties) {
        Map<String, ConfigValue> known = leaves(reference.root(), "");
        known.keySet().removeIf(path -> !HOST_SECTIONS.contains(ConfigUtil.splitPath(path).get(0)));
        for (Config file : files) {
            for (Map.Entry<String, ConfigValue> leaf : leaves(file.root(), "").entrySet()) {
                if (!SECTIONS.contains(ConfigUtil.splitPath(leaf.getKey()).get(0))) {
                    throw unknown(leaf.getKey(), leaf.getValue(), known.keySet());
                }
            }
        }
        for (Config layer : properties) {
            for (Map.Entry<String, ConfigValue> leaf : leaves(layer.root(), "").entrySet()) {
                boolean outside = !SECTIONS.contains(ConfigUtil.splitPath(leaf.getKey()).get(0));
                if (outside && Levenshtein.distance(nearest(leaf.getKey(), known.keySet()), leaf.getKey())
                        <= TYPO_DISTANCE) {
                    throw unknown(leaf.getKey(), leaf.getValue(), known.keySet());
                }
            }
        }
        for (String section : HOST_SECTIONS) {
            if (config.root().get(section) instanceof ConfigObject object) {
                requireKnown(object, section, reference, known);
            }
        }
    }

    /**
     * Checks the host's {@code plugins.<name>} against the plugin's own reference.conf.
     *
     * @throws IllegalArgumentException naming the first unknown key, where it was set and the nearest known key
     */
    static void requireNoneInPlugin(String pluginName, Config config, Config pluginReference) {
        String path = ConfigUtil.joinPath("plugins", pluginName);
        if (!config.hasPath(path) || !(config.getValue(path) instanceof ConfigObject object)) {
            return;
        }
        Map<String, ConfigValue> known = leaves(pluginReference.root(), "");
        known.keySet().removeIf(key -> !key.startsWith(path + "."));
        known.put(ConfigUtil.joinPath("plugins", pluginName, "enabled"), null);
        requireKnown(object, path, pluginReference, known);
    }

    private static void requireKnown(ConfigObject object, String path, Config reference,
            Map<String, ConfigValue> known) {
        String template = OPEN_MAP_TEMPLATES.get(path);
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String child = path + "." + ConfigUtil.joinPath(entry.getKey());
            if (template != null && !isObject(reference, child)) {
                requireShape(entry.getValue(), child, reference.getObject(template), known.keySet());
            } else if (entry.getValue() instanceof ConfigObject inner && isObject(reference, child)) {
                if (!reference.getObject(child).isEmpty()) {
                    requireKnown(inner, child, reference, known);
                }
            } else if (!known.containsKey(child)) {
                Map.Entry<String, ConfigValue> first = first(entry.getValue(), child);
                throw unknown(first.getKey(), first.getValue(), known.keySet());
            }
        }
    }

    /**
     * An entry of an open map ({@code datasources.reports}) has the keys of the map's template entry. The nearest key
     * named for an unknown one is looked for among the known keys too, since a misspelt section
     * ({@code workers.deploymnet.name}) reads as a map entry.
     */
    private static void requireShape(ConfigValue entry, String path, ConfigObject template,
            Collection<String> knownKeys) {
        if (!(entry instanceof ConfigObject object)) {
            return;
        }
        Map<String, ConfigValue> known = new LinkedHashMap<>();
        leaves(template, "").keySet().forEach(key -> known.put(path + "." + key, null));
        for (Map.Entry<String, ConfigValue> leaf : leaves(object, path).entrySet()) {
            if (!known.containsKey(leaf.getKey())) {
                List<String> candidates = new ArrayList<>(known.keySet());
                candidates.addAll(knownKeys);
                throw unknown(leaf.getKey(), leaf.getValue(), candidates);
            }
        }
    }

    private static boolean isObject(Config reference, String path) {
        return reference.hasPath(path) && reference.getValue(path).valueType() == ConfigValueType.OBJECT;
    }

    /** Every leaf under {@code object} by its full path, null values included. */
    private static Map<String, ConfigValue> leaves(ConfigObject object, String prefix) {
        Map<String, ConfigValue> leaves = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String key = ConfigUtil.joinPath(entry.getKey());
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            if (entry.getValue() instanceof ConfigObject inner && !inner.isEmpty()) {
                leaves.putAll(leaves(inner, path));
            } else {
                leaves.put(path, entry.getValue());
            }
        }
        return leaves;
    }

    private static Map.Entry<String, ConfigValue> first(ConfigValue value, String path) {
        if (value instanceof ConfigObject object && !object.isEmpty()) {
            return leaves(object, path).entrySet().iterator().next();
        }
        return Map.entry(path, value);
    }

    private static String nearest(String key, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt((String candidate) -> Levenshtein.distance(candidate, key))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse("");
    }

    private static IllegalArgumentException unknown(String key, ConfigValue value, Collection<String> known) {
        String nearest = nearest(key, known);
        return new IllegalArgumentException("unknown config key " + key + " (set in " + value.origin().description()
                + ")" + (nearest.isEmpty() ? "" : "; did you mean " + nearest + "?"));
    }
}
