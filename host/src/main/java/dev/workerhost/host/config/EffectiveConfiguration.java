package dev.workerhost.host.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration the host runs with, key by key: the host's namespaces ({@code temporal}, {@code host},
 * {@code datasources}, {@code workers}, {@code plugins}) and each loaded plugin's settings over its own
 * {@code reference.conf}, every value with its origin and every secret redacted.
 */
public final class EffectiveConfiguration {

    /** The namespaces of the host; the loaded configuration also holds every environment variable at its root. */
    private static final Set<String> NAMESPACES = Set.of("temporal", "host", "datasources", "workers", "plugins");

    private final Map<String, ConfigEntry> entries = new TreeMap<>();

    public EffectiveConfiguration(Config hostConfig) {
        for (Map.Entry<String, ConfigValue> entry : hostConfig.entrySet()) {
            if (NAMESPACES.contains(ConfigUtil.splitPath(entry.getKey()).get(0))) {
                add(entry.getKey(), entry.getValue());
            }
        }
    }

    /** Adds plugin {@code name}'s settings (host overrides over its reference.conf), under {@code plugins.<name>}. */
    public EffectiveConfiguration withPlugin(String name, Config pluginConfig) {
        String prefix = ConfigUtil.joinPath("plugins", name);
        for (Map.Entry<String, ConfigValue> entry : pluginConfig.entrySet()) {
            add(prefix + "." + entry.getKey(), entry.getValue());
        }
        return this;
    }

    /** Every key, sorted. */
    public List<ConfigEntry> entries() {
        return List.copyOf(entries.values());
    }

    private void add(String path, ConfigValue value) {
        List<String> elements = ConfigUtil.splitPath(path);
        String key = elements.get(elements.size() - 1);
        entries.put(path, new ConfigEntry(path, redacted(key, value), origin(value.origin())));
    }

    private static Object redacted(String key, ConfigValue value) {
        if (value.valueType() == ConfigValueType.STRING) {
            return Secrets.redact(key, (String) value.unwrapped());
        }
        if (value.valueType() == ConfigValueType.LIST) {
            String joined = value.unwrapped().toString();
            return Secrets.redact(key, joined).equals(joined) ? value.unwrapped() : Secrets.REDACTED;
        }
        return value.unwrapped();
    }

    /** A file and line, a resource in a jar and line, or where else it came from (system properties, ...). */
    private static String origin(ConfigOrigin origin) {
        String line = origin.lineNumber() > 0 ? ":" + origin.lineNumber() : "";
        if (origin.filename() != null) {
            return origin.filename() + line;
        }
        if (origin.resource() != null) {
            return origin.resource() + inJar(origin.url()) + line;
        }
        return origin.description();
    }

    /** " in task-0.1.0.jar" for a resource inside a jar, else nothing. */
    private static String inJar(URL url) {
        if (url == null || !url.getProtocol().equals("jar")) {
            return "";
        }
        String path = url.getPath();
        String jar = path.substring(0, Math.max(path.indexOf('!'), 0));
        return " in " + jar.substring(jar.lastIndexOf('/') + 1);
    }
}
