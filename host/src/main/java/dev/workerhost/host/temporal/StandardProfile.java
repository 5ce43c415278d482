package dev.workerhost.host.temporal;

import dev.workerhost.host.retry.PermanentStartException;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The Temporal SDK's standard connection profile (temporal-envconfig), as every Temporal client reads it: the TOML
 * file {@code TEMPORAL_CONFIG_FILE} (default {@code ~/.config/temporalio/temporal.toml}), its profile
 * {@code TEMPORAL_PROFILE} (default {@code default}), then {@code TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE},
 * {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS_*} and {@code TEMPORAL_GRPC_META_*} on top.
 */
final class StandardProfile {

    private StandardProfile() {
    }

    /** @throws PermanentStartException if a named file or profile does not exist or cannot be parsed */
    static ClientConfigProfile load(Map<String, String> environment) {
        String file = environment.getOrDefault("TEMPORAL_CONFIG_FILE", "");
        if (!file.isEmpty() && !Files.isRegularFile(Path.of(file))) {
            // the SDK takes a missing file for an empty one; a file the operator named is meant to exist
            throw new PermanentStartException("TEMPORAL_CONFIG_FILE names " + file + ", which is not a file");
        }
        try {
            return ClientConfigProfile.load(LoadClientConfigProfileOptions.newBuilder()
                    .setEnvOverrides(environment)
                    .build());
        } catch (IOException | IllegalArgumentException e) {
            throw new PermanentStartException("cannot read the Temporal connection profile"
                    + (file.isEmpty() ? "" : " in " + file) + ": " + e.getMessage()
                    + " (check TEMPORAL_CONFIG_FILE and TEMPORAL_PROFILE)", e);
        }
    }
}
