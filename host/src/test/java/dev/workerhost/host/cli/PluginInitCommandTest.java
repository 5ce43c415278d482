package dev.workerhost.host.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code plugin init} writes. That the project builds and its test passes with Maven is proven by .ci/run, which
 * needs the installed plugin-parent.
 */
class PluginInitCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WorkerHostCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void writesAProjectOnPluginParentOfThisHostsVersion() throws Exception {
        Path project = home.resolve("orders");

        int exit = run("plugin", "init", "order-sync", "--package", "com.acme.orders", "--dir", project.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(files(project)).containsExactlyInAnyOrder(
                "pom.xml",
                "README.md",
                "src/main/resources/reference.conf",
                "src/main/java/com/acme/orders/OrderSyncModule.java",
                "src/main/java/com/acme/orders/OrderSyncWorkflow.java",
                "src/main/java/com/acme/orders/OrderSyncWorkflowImpl.java",
                "src/main/java/com/acme/orders/OrderSyncActivities.java",
                "src/main/java/com/acme/orders/OrderSyncActivitiesImpl.java",
                "src/main/java/com/acme/orders/OrderSyncInput.java",
                "src/main/java/com/acme/orders/OrderSyncResult.java",
                "src/test/java/com/acme/orders/OrderSyncWorkflowTest.java");
        assertThat(Files.readString(project.resolve("pom.xml")))
                .contains("<artifactId>plugin-parent</artifactId>\n    <version>" + HostVersions.hostVersion() + "</version>")
                .contains("<groupId>com.acme.orders</groupId>", "<artifactId>order-sync</artifactId>");
        String module = Files.readString(project.resolve("src/main/java/com/acme/orders/OrderSyncModule.java"));
        assertThat(module).contains("package com.acme.orders;", "@AutoService(WorkflowModule.class)",
                "public final class OrderSyncModule implements WorkflowModule", "return \"order-sync\";",
                "registrar.taskQueue(\"order-sync\")", "return SpiVersion.CURRENT;");
        assertThat(Files.readString(project.resolve("src/main/java/com/acme/orders/OrderSyncInput.java")))
                .contains("public record OrderSyncInput(String name) implements Validatable");
        assertThat(Files.readString(project.resolve("src/main/resources/reference.conf")))
                .startsWith("plugins.order-sync {");
        assertThat(Files.readString(project.resolve("src/test/java/com/acme/orders/OrderSyncWorkflowTest.java")))
                .contains("env.execute(\"OrderSyncWorkflow\", new OrderSyncInput(\"Ada\"), OrderSyncResult.class)");
        assertThat(String.join("\n", filesText(project))).doesNotContain("@NAME@", "@CLASS@", "@PACKAGE", "@VERSION@");
        assertThat(out.toString()).contains("wrote plugin order-sync (com.acme.orders.OrderSyncModule) to " + project);
    }

    @Test
    void thePackageDefaultsToTheNameUnderComExample() throws Exception {
        Path project = home.resolve("greeting");

        int exit = run("plugin", "init", "greeting", "--dir", project.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(project.resolve("src/main/java/com/example/greeting/GreetingModule.java")).exists();
    }

    @Test
    void refusesANameThatIsNoPluginName() {
        int exit = run("plugin", "init", "Order_Sync", "--dir", home.resolve("x").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("invalid plugin name 'Order_Sync'");
        assertThat(home.resolve("x")).doesNotExist();
    }

    @Test
    void refusesAPackageThatIsNoJavaPackage() {
        int exit = run("plugin", "init", "greeting", "--package", "com.acme.class", "--dir", home.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("invalid Java package 'com.acme.class'");
    }

    @Test
    void neverWritesIntoAFolderThatHoldsSomething() throws Exception {
        Path mine = Files.writeString(home.resolve("pom.xml"), "mine");

        int exit = run("plugin", "init", "greeting", "--dir", home.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains(home + " is not empty: choose another --dir");
        assertThat(Files.readString(mine)).isEqualTo("mine");
    }

    private static List<String> files(Path project) throws Exception {
        try (Stream<Path> files = Files.walk(project)) {
            return files.filter(Files::isRegularFile).map(file -> project.relativize(file).toString()).toList();
        }
    }

    private static List<String> filesText(Path project) throws Exception {
        try (Stream<Path> files = Files.walk(project)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return Files.readString(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
