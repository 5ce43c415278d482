package dev.workerhost.host.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code worker-host plugin init NAME}: writes a plugin project that builds and passes its test as generated, with
 * {@code dev.workerhost:plugin-parent} of this host's version as its parent. The files are the templates under
 * {@code plugin-template/} beside this class, with the placeholders ({@code @NAME@}, {@code @CLASS@} and so on) in
 * their paths and text filled in.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Write a new plugin project (a workflow, an activity, a validated input and a test) that"
                + " builds with plugin-parent of this host's version: cd into it and run mvn -B verify.")
final class PluginInitCommand implements Callable<Integer> {

    /** Plugin names are config keys (plugins.NAME), task queue names and folder names: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** The templates, each at its path in the project with the placeholders of its name filled in too. */
    private static final List<String> FILES = List.of(
            "pom.xml",
            "README.md",
            "src/main/resources/reference.conf",
            "src/main/java/@PACKAGE_DIR@/@CLASS@Module.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@Workflow.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@WorkflowImpl.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@Activities.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@ActivitiesImpl.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@Input.java",
            "src/main/java/@PACKAGE_DIR@/@CLASS@Result.java",
            "src/test/java/@PACKAGE_DIR@/@CLASS@WorkflowTest.java");

    @Parameters(index = "0", paramLabel = "NAME",
            description = "The plugin's name: lower-case letters, digits and dashes (e.g. order-sync). It names its"
                    + " config (plugins.NAME), its task queue and its plugin folder.")
    String name;

    @Option(names = "--package", paramLabel = "P",
            description = "The Java package (default: com.example.NAME without dashes).")
    String javaPackage;

    @Option(names = "--dir", paramLabel = "D",
            description = "Where to write the project (default: ./NAME); it must not exist or be empty.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new ParameterException(spec.commandLine(), "invalid plugin name '" + name + "': use lower-case"
                    + " letters, digits and dashes, starting with a letter (e.g. order-sync)");
        }
        String packageName = javaPackage != null ? javaPackage : "com.example." + name.replace("-", "");
        if (!SourceVersion.isName(packageName)) {
            throw new ParameterException(spec.commandLine(), "invalid Java package '" + packageName + "'"
                    + (javaPackage == null ? ": name one with --package" : ""));
        }
        Path project = dir != null ? dir : Path.of(name);
        if (Files.isDirectory(project)) {
            try (Stream<Path> entries = Files.list(project)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(project + " is not empty: choose another --dir");
                }
            }
        } else if (Files.exists(project)) {
            throw new IllegalStateException(project + " is a file: choose another --dir");
        }

        String className = Arrays.stream(name.split("-"))
                .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .collect(Collectors.joining());
        Map<String, String> values = Map.of("@NAME@", name, "@CLASS@", className, "@PACKAGE@", packageName,
                "@PACKAGE_DIR@", packageName.replace('.', '/'), "@VERSION@", HostVersions.hostVersion());
        for (String file : FILES) {
            Path target = project.resolve(fill(file, values));
            Files.createDirectories(target.getParent());
            Files.writeString(target, fill(template(file), values));
        }

        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote plugin " + name + " (" + packageName + "." + className + "Module) to " + project);
        out.println("next: cd " + project + " && mvn -B verify, then copy target/plugin/" + name
                + " into the host's plugins folder");
        return 0;
    }

    private static String template(String resource) {
        try (InputStream in = PluginInitCommand.class.getResourceAsStream("plugin-template/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("plugin-template/" + resource + " is missing from the host jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }
}
