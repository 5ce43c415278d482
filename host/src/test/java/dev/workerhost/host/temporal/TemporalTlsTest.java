package dev.workerhost.host.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.typesafe.config.Config;
import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.SelfSignedCertificate;
import dev.workerhost.host.testing.TestConfigs;
import io.grpc.TlsServerCredentials;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.client.WorkflowClient;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * TLS towards a real frontend: the test server's services behind a TLS listener whose certificate the test made, and
 * the plaintext embedded server beside it.
 */
class TemporalTlsTest {

    @TempDir
    static Path certificates;

    private static SelfSignedCertificate serverCertificate;
    private static SelfSignedCertificate otherCertificate;
    private static EmbeddedTemporalServer tlsServer;
    private static EmbeddedTemporalServer plaintextServer;

    @TempDir
    Path home;

    @BeforeAll
    static void startServers() {
        serverCertificate = SelfSignedCertificate.generate(certificates, "server");
        otherCertificate = SelfSignedCertificate.generate(certificates, "other");
        tlsServer = EmbeddedTemporalServer.start(new InetSocketAddress("127.0.0.1", FreePort.find()),
                TlsServerCredentials.newBuilder().keyManager(serverCertificate.keyManagers().getKeyManagers()).build());
        plaintextServer = EmbeddedTemporalServer.start("127.0.0.1", FreePort.find());
    }

    @AfterAll
    static void stopServers() {
        tlsServer.close();
        plaintextServer.close();
    }

    private static String target(EmbeddedTemporalServer server) {
        return "127.0.0.1:" + server.port();
    }

    private TemporalConnector connector(Map<String, String> keys) {
        return connector(keys, Map.of());
    }

    private TemporalConnector connector(Map<String, String> keys, Map<String, String> environment) {
        Config config = TestConfigs.config(home, keys);
        return new TemporalConnector(TemporalSettings.from(config, environment));
    }

    private static void assertAnswers(WorkflowClient client) {
        try {
            assertThat(client.getWorkflowServiceStubs().blockingStub()
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).hasCapabilities()).isTrue();
        } finally {
            client.getWorkflowServiceStubs().shutdownNow();
        }
    }

    @Test
    void connectsOverTlsTrustingTheServersCa() {
        assertAnswers(connector(Map.of("temporal.target", target(tlsServer), "temporal.tls.enabled", "true",
                "temporal.tls.ca", serverCertificate.certificatePem().toString())).connectOnce());
    }

    @Test
    void aCertificateFromAnotherCaFailsAtOnceNamingTheKeyToSet() {
        TemporalConnector connector = connector(Map.of("temporal.target", target(tlsServer),
                "temporal.tls.enabled", "true", "temporal.tls.ca", otherCertificate.certificatePem().toString()));

        assertThatThrownBy(connector::connectPatiently)
                .isInstanceOf(PermanentStartException.class)
                .hasMessageStartingWith("TLS with Temporal at " + target(tlsServer) + " failed: ")
                .hasMessageEndingWith("(the server's certificate is not signed by a CA the host trusts: set"
                        + " temporal.tls.ca to the PEM of its CA)");
    }

    @Test
    void tlsTowardsAPlaintextServerFailsAtOnceSayingSo() {
        TemporalConnector connector = connector(Map.of("temporal.target", target(plaintextServer),
                "temporal.tls.enabled", "true", "temporal.tls.ca", serverCertificate.certificatePem().toString()));

        assertThatThrownBy(connector::connectPatiently)
                .isInstanceOf(PermanentStartException.class)
                .hasMessageContaining("the server speaks plaintext: set temporal.tls.enabled = false");
    }

    @Test
    void plaintextTowardsATlsServerSaysItMayExpectTls() {
        assertThatThrownBy(() -> connector(Map.of("temporal.target", target(tlsServer))).connectOnce())
                .hasMessageContaining("set temporal.tls.enabled = true");
    }

    @Test
    void anApiKeyWithoutTlsIsSentInPlaintextWithAWarning() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger connectorLog = (Logger) LoggerFactory.getLogger(TemporalConnector.class);
        connectorLog.addAppender(log);
        log.start();
        try {
            assertAnswers(connector(Map.of("temporal.target", target(plaintextServer),
                    "temporal.api-key", "not-a-secret")).connectOnce());
        } finally {
            connectorLog.detachAppender(log);
        }

        assertThat(log.list).singleElement().satisfies(line -> assertThat(line.getFormattedMessage())
                .isEqualTo("the Temporal API key is sent to " + target(plaintextServer) + " in plaintext: TLS is off"
                        + " (set temporal.tls.enabled = true unless the server is on this machine)"));
    }

    @Test
    void withoutATargetTheStandardProfileNamesTheServerAndItsTls() throws Exception {
        Path profiles = Files.writeString(home.resolve("temporal.toml"), "[profile.staging]\n"
                + "address = \"" + target(tlsServer) + "\"\n"
                + "namespace = \"default\"\n"
                + "[profile.staging.tls]\n"
                + "server_ca_cert_path = \"" + serverCertificate.certificatePem() + "\"\n");
        Map<String, String> environment = new HashMap<>();
        environment.put("TEMPORAL_CONFIG_FILE", profiles.toString());
        environment.put("TEMPORAL_PROFILE", "staging");

        TemporalSettings settings = TemporalSettings.from(TestConfigs.config(home, Map.of()), environment);

        assertThat(settings.isEmbedded()).isFalse();
        assertThat(settings.address()).isEqualTo(target(tlsServer));
        assertAnswers(new TemporalConnector(settings).connectOnce());
    }

    @Test
    void theStandardVariablesAloneNameTheServerAndItsTls() {
        Map<String, String> environment = Map.of("TEMPORAL_ADDRESS", target(tlsServer),
                "TEMPORAL_TLS_SERVER_CA_CERT_PATH", serverCertificate.certificatePem().toString());

        assertAnswers(connector(Map.of(), environment).connectOnce());
    }

    @Test
    void theHostsKeysGoOnTopOfTheProfile() {
        Map<String, String> environment = Map.of("TEMPORAL_ADDRESS", target(tlsServer),
                "TEMPORAL_TLS_SERVER_CA_CERT_PATH", otherCertificate.certificatePem().toString());

        assertAnswers(connector(Map.of("temporal.tls.ca", serverCertificate.certificatePem().toString()), environment)
                .connectOnce());
    }

    @Test
    void anExplicitTargetIgnoresTheProfile() {
        Map<String, String> environment = Map.of("TEMPORAL_ADDRESS", target(tlsServer),
                "TEMPORAL_TLS_SERVER_CA_CERT_PATH", serverCertificate.certificatePem().toString());

        assertAnswers(connector(Map.of("temporal.target", target(plaintextServer)), environment).connectOnce());
    }

    @Test
    void withNeitherTargetNorProfileTheHostRunsTheEmbeddedServer() {
        TemporalSettings settings = TemporalSettings.from(TestConfigs.config(home, Map.of()), Map.of());

        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.address()).isEqualTo("127.0.0.1:7233");
        assertThat(settings.tlsEnabled()).isFalse();
    }

    @Test
    void aMissingProfileFileIsNamed() {
        assertThatThrownBy(() -> TemporalSettings.from(TestConfigs.config(home, Map.of()),
                Map.of("TEMPORAL_CONFIG_FILE", home.resolve("nope.toml").toString())))
                .isInstanceOf(PermanentStartException.class)
                .hasMessageContaining("TEMPORAL_CONFIG_FILE names " + home.resolve("nope.toml"));
    }
}
