package dev.workerhost.host.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.workerhost.host.testing.FreePort;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedTemporalServerTest {

    @Test
    void listensOnTheBindAddressOnlySoTheNetworkCannotReachIt() throws Exception {
        int port = FreePort.find();
        Optional<InetAddress> network = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
        assumeTrue(network.isPresent(), "this machine has a network address besides loopback");

        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", port)) {
            new Socket("127.0.0.1", port).close();
            assertThatThrownBy(() -> new Socket(network.get(), port).close())
                    .as("connecting to %s:%d", network.get(), port)
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void aBindAddressThatIsNoHostIsNamed() {
        assertThatThrownBy(() -> EmbeddedTemporalServer.start("no-such-host.invalid", FreePort.find()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"no-such-host.invalid\": unknown host")
                .hasMessageContaining("temporal.embedded.bind");
    }

    @Test
    void aTakenPortIsNamed() {
        int port = FreePort.find();
        try (EmbeddedTemporalServer first = EmbeddedTemporalServer.start("127.0.0.1", port)) {
            assertThat(first.port()).isEqualTo(port);
            assertThatThrownBy(() -> EmbeddedTemporalServer.start("127.0.0.1", port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + port);
        }
    }

    @Test
    void portZeroListensOnAFreePortThatPortNames() throws Exception {
        try (EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", 0)) {
            assertThat(server.port()).isPositive();
            new Socket("127.0.0.1", server.port()).close();
        }
    }
}
