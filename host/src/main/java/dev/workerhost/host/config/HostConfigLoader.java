package dev.workerhost.host.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place the host's configuration is assembled. Precedence, highest first: {@code overrides} (command-line
 * options such as {@code --plugins-dir}), system properties, {@code --config FILE},
 * {@code <home>/config/application.conf}, the built-in {@code reference.conf}. Environment variables override the
 * keys whose {@code reference.conf} entry names one ({@code ${?TEMPORAL_ADDRESS}}).
 */
public final class HostConfigLoader {

    /** Only plain variable names take part, so an odd variable (dots, dashes) cannot clash with a config path. */
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String REFERENCE = "reference.conf";
    private static final String ENVIRONMENT = "environment variables";

    private final Path home;
    private final Map<String, String> environment;
    private final Properties systemProperties;

    public HostConfigLoader(Path home, Map<String, String> environment, Properties systemProperties) {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
    }

    /** A loader reading this process's environment and system properties. */
    public static HostConfigLoader forProcess(Path home) {
        return new HostConfigLoader(home, System.getenv(), System.getProperties());
    }

    /**
     * @throws com.typesafe.config.ConfigException naming the file and key when a file is malformed or a
     *     substitution cannot be resolved
     * @throws IllegalArgumentException when {@code configFile} does not exist or is a directory, or a key under
     *     host, temporal, datasources or workers is unknown (naming it, its origin and the nearest known key)
     */
    public Config load(Optional<Path> configFile, Map<String, String> overrides) {
        Config defaults = ConfigFactory.parseResources(HostConfigLoader.class.getClassLoader(), REFERENCE);
        Config applicationConf = parseIfPresent(home.resolve("config").resolve("application.conf"));
        Config fileConf = configFile.map(HostConfigLoader::parseRequired).orElse(ConfigFactory.empty());
        Config environmentVariables = ConfigFactory.parseMap(environment.entrySet().stream()
                .filter(entry -> ENV_NAME.matcher(entry.getKey()).matches())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), ENVIRONMENT);
        Config commandLine = ConfigFactory.parseMap(overrides, "command line");
        Config properties = ConfigFactory.parseProperties(systemProperties,
                ConfigParseOptions.defaults().setOriginDescription("system properties"));
        Config config = commandLine
                .withFallback(properties)
                .withFallback(fileConf)
                .withFallback(applicationConf)
                .withFallback(defaults)
                .withFallback(environmentVariables)
                .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
        UnknownKeys.requireNoneInHost(config, defaults, List.of(applicationConf, fileConf),
                List.of(properties, commandLine));
        return config;
    }

    /**
     * Whether the operator set the value at {@code path} in a config file, a system property or on the command line,
     * rather than it being the built-in default or taken from an environment variable.
     */
    public static boolean isSetByOperator(Config config, String path) {
        if (!config.hasPath(path)) {
            return false;
        }
        ConfigOrigin origin = config.getValue(path).origin();
        return !REFERENCE.equals(origin.resource()) && !ENVIRONMENT.equals(origin.description());
    }

    public Path home() {
        return home;
    }

    private static Config parseIfPresent(Path file) {
        return Files.isRegularFile(file) ? parseRequired(file) : ConfigFactory.empty();
    }

    private static Config parseRequired(Path file) {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("config file " + file + " is a directory; pass a HOCON file, e.g. "
                    + file.resolve("application.conf"));
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        }
        return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }
}
