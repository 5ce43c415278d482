package dev.workerhost.host.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A key pair and self-signed certificate for 127.0.0.1 and localhost, made by the JDK's {@code keytool} for one test:
 * the server presents it, a client trusts it by naming {@link #certificatePem()} as its CA.
 */
public final class SelfSignedCertificate {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keyStore;
    private final Path certificatePem;

    private SelfSignedCertificate(KeyStore keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    public static SelfSignedCertificate generate(Path directory, String name) {
        Path keyStoreFile = directory.resolve(name + ".p12");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keyStoreFile.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        try (InputStream in = Files.newInputStream(keyStoreFile)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, PASSWORD);
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keyStore.getCertificate(name).getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return new SelfSignedCertificate(keyStore, Files.writeString(directory.resolve(name + ".pem"), pem));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's key managers, for {@code TlsServerCredentials}. */
    public KeyManagerFactory keyManagers() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, PASSWORD);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate as a PEM file: what a client names as its CA to trust the server. */
    public Path certificatePem() {
        return certificatePem;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
