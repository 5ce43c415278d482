package dev.workerhost.host.workers;

import com.typesafe.config.Config;
import dev.workerhost.spi.WorkflowModule;
import io.temporal.common.WorkerDeploymentVersion;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's worker versioning for the plugins' workers ({@code workers.deployment.name}). Each plugin's workers are
 * a Worker Deployment of their own, {@code <name>-<plugin>}, whose version's build id is the plugin's version: a
 * deployment has one current version for all its task queues, and plugins are versioned and upgraded one by one,
 * so one deployment for the whole host could not make one plugin's new version current without the others'.
 */
public final class WorkerVersioning {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerVersioning.class);
    static final String DEPLOYMENT_NAME = "workers.deployment.name";

    /** Empty: the workers poll unversioned. */
    private final String deploymentName;

    private WorkerVersioning(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    /** Unversioned workers: offline, in the test kit, and where the server has no worker versioning. */
    public static WorkerVersioning off() {
        return new WorkerVersioning("");
    }

    /**
     * What {@code workers.deployment.name} asks for. The embedded server (the SDK's test server) accepts a versioned
     * worker's polls but ignores its version and pins nothing, so there the workers poll unversioned and the host says
     * once that the replay guard is what protects running workflows from an upgrade.
     *
     * @throws IllegalArgumentException if the name is blank or holds a '.', which Temporal puts between a deployment
     *     name and a build id
     */
    public static WorkerVersioning from(Config config, boolean embeddedServer) {
        String name = config.getString(DEPLOYMENT_NAME);
        if (name.isEmpty()) {
            return off();
        }
        if (name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException(DEPLOYMENT_NAME + " = \"" + name + "\" is not a deployment name: "
                    + "leave it empty for unversioned workers, or name the deployment without '.' (Temporal "
                    + "writes a version as <deployment>.<build id>)");
        }
        if (embeddedServer) {
            LOG.info("{} is set, but the embedded Temporal server has no worker versioning: the workers poll "
                    + "unversioned, and the replay guard protects running workflows when a plugin is upgraded",
                    DEPLOYMENT_NAME);
            return off();
        }
        return new WorkerVersioning(name);
    }

    private boolean isOn() {
        return !deploymentName.isEmpty();
    }

    /**
     * Why a plugin's workers cannot run as a deployment version: a plugin without a version (no
     * {@code Implementation-Version} in its jar's manifest) has no build id, and a made-up one would pin its runs to
     * a version no later build matches.
     */
    public Optional<String> refusal(String plugin, String pluginVersion) {
        if (!isOn() || !WorkflowModule.UNVERSIONED.equals(pluginVersion)) {
            return Optional.empty();
        }
        return Optional.of("has no version (no Implementation-Version in its jar's manifest), which "
                + DEPLOYMENT_NAME + " = " + deploymentName + " needs as the build id of deployment "
                + deploymentName(plugin) + ": build the plugin on dev.workerhost:plugin-parent (or write "
                + "Implementation-Version into its manifest), or unset " + DEPLOYMENT_NAME);
    }

    /** The Worker Deployment version of the plugin's workers; empty when versioning is off. */
    public Optional<WorkerDeploymentVersion> versionOf(String plugin, String pluginVersion) {
        return isOn()
                ? Optional.of(new WorkerDeploymentVersion(deploymentName(plugin), pluginVersion))
                : Optional.empty();
    }

    private String deploymentName(String plugin) {
        return deploymentName + "-" + plugin;
    }
}
