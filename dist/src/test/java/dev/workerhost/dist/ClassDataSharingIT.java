package dev.workerhost.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short-lived commands map {@code lib/worker-host.jsa}, the class-data sharing archive the build trains, and run
 * the same, silently, where it does not fit (the distribution copied elsewhere).
 */
class ClassDataSharingIT {

    private static final String FROM_THE_ARCHIVE = "source: shared objects file (top)";

    @TempDir
    Path temp;

    @Test
    void theBuiltDistributionsCliLoadsItsClassesFromTheArchive() throws IOException {
        Distribution built = Distribution.built();
        assertThat(built.resolve("lib/worker-host.jsa")).isRegularFile();
        Path classes = temp.resolve("classes.log");

        CommandResult version = built.run(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version");

        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(Files.readAllLines(classes))
                .anySatisfy(line -> assertThat(line).contains("dev.workerhost.host.cli.WorkerHostCli " + FROM_THE_ARCHIVE));
    }

    @Test
    void aCopiedDistributionIgnoresTheArchiveWithoutAWord() throws IOException {
        Distribution copy = Distribution.copyTo(temp);
        Path classes = temp.resolve("classes.log");

        CommandResult version = copy.run(Map.of("JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version");

        assertThat(version.exitCode()).as("%s", version).isZero();
        assertThat(version.stdout()).startsWith("worker-host ").doesNotContain("cds", "shared archive");
        assertThat(version.stderr()).isEmpty();
        assertThat(Files.readString(classes))
                .contains("dev.workerhost.host.cli.WorkerHostCli")
                .doesNotContain(FROM_THE_ARCHIVE);
    }
}
