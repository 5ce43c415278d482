package dev.workerhost.host.loading;

import java.util.List;
import java.util.Optional;

/**
 * The packages a plugin shares with the host, loaded parent-first so that the host and its plugins agree on these
 * types: the SPI and what its types are made of (Temporal, and what Temporal's API types are built on: protobuf and
 * gRPC's API, e.g. {@code Payload}, {@code ByteString}, {@code Metadata}, {@code StatusRuntimeException}), Jackson,
 * SLF4J, Typesafe Config, Micrometer, and the JDBC drivers of the host's datasources (a plugin may {@code unwrap} a
 * connection to the driver's own, e.g. PostgreSQL's {@code CopyManager}). Anything else is the plugin's own; the
 * JDK's classes always come from the JDK.
 */
public final class SharedPackages {

    static final List<String> PREFIXES = List.of(
            "dev.workerhost.spi.",
            "io.temporal.",
            "com.google.protobuf.",
            "io.grpc.",
            "com.fasterxml.jackson.",
            "org.slf4j.",
            "com.typesafe.config.",
            "io.micrometer.",
            "org.postgresql.",
            "org.h2.");

    private SharedPackages() {
    }

    public static boolean isShared(String className) {
        return packageOf(className).isPresent();
    }

    /** The shared package {@code className} belongs to, e.g. {@code io.temporal} for a Temporal class. */
    static Optional<String> packageOf(String className) {
        return PREFIXES.stream()
                .filter(className::startsWith)
                .map(prefix -> prefix.substring(0, prefix.length() - 1))
                .findFirst();
    }
}
