package dev.workerhost.host.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import dev.workerhost.host.registry.PluginDeclarations;
import dev.workerhost.host.registry.QueueContents;
import dev.workerhost.host.testing.RecordedLog;
import dev.workerhost.host.testing.TestConfigs;
import dev.workerhost.spi.WorkflowDefaults;
import dev.workerhost.spi.WorkflowModule;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker options a plugin's queue gets from {@code workers.deployment.name}, the plugin's name and version and
 * the versioning behaviour its workflow types declare.
 */
class WorkerVersioningTest {

    @TempDir
    Path home;

    @WorkflowInterface
    public interface ShortWorkflow {
        @WorkflowMethod
        String run();
    }

    public static final class ShortWorkflowImpl implements ShortWorkflow {
        @Override
        public String run() {
            return "done";
        }
    }

    private Config config(String deploymentName) {
        return TestConfigs.config(home, Map.of(
                "workers.deployment.name", deploymentName, "workers.defaults.workflow-task-pollers", "2"));
    }

    private static QueueContents queue(WorkflowDefaults defaults) {
        PluginDeclarations declarations = new PluginDeclarations("billing", WorkerVersioningTest.class.getClassLoader());
        declarations.taskQueue("billing").workflow(ShortWorkflowImpl.class, defaults);
        return declarations.contents().get(0);
    }

    private WorkerOptions options(Config config, WorkerVersioning versioning, WorkflowDefaults defaults) {
        QueueContents queue = queue(defaults);
        return WorkerSettings.forQueue(config, queue, versioning.versionOf(queue.plugin(), "1.4.0"), 1);
    }

    @Test
    void aDeploymentNameMakesEachPluginsWorkersAVersionOfItsOwnDeploymentWithThePluginsVersionAsBuildId() {
        Config config = config("prod");

        WorkerOptions options = options(config, WorkerVersioning.from(config, false),
                WorkflowDefaults.standard().withVersioningBehavior(VersioningBehavior.PINNED));

        WorkerDeploymentOptions deployment = options.getDeploymentOptions();
        assertThat(deployment.isUsingVersioning()).isTrue();
        assertThat(deployment.getVersion()).isEqualTo(new WorkerDeploymentVersion("prod-billing", "1.4.0"));
        assertThat(deployment.getDefaultVersioningBehavior()).isEqualTo(VersioningBehavior.PINNED);
        assertThat(options.getMaxConcurrentWorkflowTaskPollers()).as("the other worker options stay").isEqualTo(2);
    }

    @Test
    void aWorkflowTypeThatDeclaresNoBehaviourAutoUpgradesAsWithoutVersioning() {
        Config config = config("prod");

        WorkerOptions options = options(config, WorkerVersioning.from(config, false), WorkflowDefaults.standard());

        assertThat(options.getDeploymentOptions().getDefaultVersioningBehavior())
                .isEqualTo(VersioningBehavior.AUTO_UPGRADE);
    }

    @Test
    void withoutADeploymentNameTheWorkersAreUnversioned() {
        Config config = config("");

        WorkerOptions options = options(config, WorkerVersioning.from(config, false),
                WorkflowDefaults.standard().withVersioningBehavior(VersioningBehavior.PINNED));

        assertThat(options.getDeploymentOptions()).isNull();
        assertThat(WorkerVersioning.from(config, false).refusal("billing", WorkflowModule.UNVERSIONED)).isEmpty();
    }

    @Test
    void onTheEmbeddedServerTheWorkersAreUnversionedAndTheLogSaysWhyOnce() {
        Config config = config("prod");

        WorkerVersioning versioning;
        try (RecordedLog log = RecordedLog.start(WorkerVersioning.class.getName())) {
            versioning = WorkerVersioning.from(config, true);
            assertThat(log.events()).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                    .contains("workers.deployment.name is set, but the embedded Temporal server has no worker "
                            + "versioning")
                    .contains("the replay guard protects running workflows"));
        }
        assertThat(versioning.versionOf("billing", "1.4.0")).isEmpty();
        assertThat(versioning.refusal("billing", WorkflowModule.UNVERSIONED)).isEmpty();
    }

    @Test
    void aPluginWithoutAVersionIsRefusedNamingTheFix() {
        Config config = config("prod");

        assertThat(WorkerVersioning.from(config, false).refusal("billing", WorkflowModule.UNVERSIONED)).hasValue(
                "has no version (no Implementation-Version in its jar's manifest), which workers.deployment.name "
                        + "= prod needs as the build id of deployment prod-billing: build the plugin on "
                        + "dev.workerhost:plugin-parent (or write Implementation-Version into its manifest), or unset "
                        + "workers.deployment.name");
        assertThat(WorkerVersioning.from(config, false).refusal("billing", "1.4.0")).isEmpty();
    }

    @Test
    void aBlankDeploymentNameOrOneWithADotIsRefused() {
        assertThatThrownBy(() -> WorkerVersioning.from(config(" "), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("workers.deployment.name = \" \" is not a deployment name: leave it empty "
                        + "for unversioned workers");
        assertThatThrownBy(() -> WorkerVersioning.from(config("prod.eu"), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the deployment without '.'");
    }

    @Test
    void theVersionOfAPluginIsItsDeploymentAndItsVersion() {
        assertThat(WorkerVersioning.from(config("prod"), false).versionOf("billing", "1.4.0"))
                .map(WorkerDeploymentVersion::toCanonicalString)
                .isEqualTo(Optional.of("prod-billing.1.4.0"));
    }
}
