package dev.workerhost.host.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import dev.workerhost.host.retry.PermanentStartException;
import dev.workerhost.host.testing.FreePort;
import dev.workerhost.host.testing.TestConfigs;
import io.grpc.HandlerRegistry;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalConnectorTest {

    @TempDir
    Path home;

    private TemporalConnector connector(String target) {
        Config config = TestConfigs.config(home, Map.of("temporal.target", target));
        return new TemporalConnector(TemporalSettings.from(config));
    }

    @Test
    void aMalformedTargetIsPermanentAndNamedAtOnce() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> connector("nohost:notaport").connectPatiently())
                .isInstanceOf(PermanentStartException.class)
                .hasMessage("temporal.target \"nohost:notaport\" is invalid: the port \"notaport\" is not a number"
                        + " from 1 to 65535 (e.g. temporal.example.com:7233, or \"embedded\")");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownHostIsPermanent() {
        assertThatThrownBy(() -> connector("no-such-host.invalid:7233").connectPatiently())
                .isInstanceOf(PermanentStartException.class)
                .hasMessageStartingWith("temporal.target no-such-host.invalid:7233: unknown host no-such-host.invalid");
    }

    @Test
    void anUnreachableServerIsAnErrorTheCliReportsAndTheHostWaitsFor() {
        int port = FreePort.find();

        assertThatThrownBy(() -> connector("127.0.0.1:" + port).connectOnce())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reach Temporal at 127.0.0.1:" + port + ": ");
    }

    @Test
    void aServerRefusingTheCredentialsIsPermanent() throws Exception {
        Server refusing = NettyServerBuilder
                .forAddress(new InetSocketAddress("127.0.0.1", 0), InsecureServerCredentials.create())
                .fallbackHandlerRegistry(new RefuseEveryCall())
                .build()
                .start();
        try {
            assertThatThrownBy(() -> connector("127.0.0.1:" + refusing.getPort()).connectPatiently())
                    .isInstanceOf(PermanentStartException.class)
                    .hasMessageContainingAll("refused the connection: UNAUTHENTICATED", "temporal.api-key");
        } finally {
            refusing.shutdownNow();
        }
    }

    /** A frontend that answers every call, the health check included, as a server does to a wrong API key. */
    private static final class RefuseEveryCall extends HandlerRegistry {

        @Override
        public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
            MethodDescriptor<InputStream, InputStream> method = MethodDescriptor.<InputStream, InputStream>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNKNOWN)
                    .setFullMethodName(methodName)
                    .setRequestMarshaller(new RawMarshaller())
                    .setResponseMarshaller(new RawMarshaller())
                    .build();
            ServerCallHandler<InputStream, InputStream> refuse = (call, headers) -> {
                call.close(Status.UNAUTHENTICATED.withDescription("invalid API key"), new Metadata());
                return new ServerCall.Listener<>() { };
            };
            return ServerMethodDefinition.create(method, refuse);
        }
    }

    private static final class RawMarshaller implements MethodDescriptor.Marshaller<InputStream> {

        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            return stream;
        }
    }
}
