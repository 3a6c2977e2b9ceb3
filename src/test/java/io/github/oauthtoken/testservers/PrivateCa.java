package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A private certificate authority, as a company runs for its internal servers, and one loopback server certificate
 * it signed for {@link AuthProxy#PROXIED_HOST}, {@code localhost} and {@code 127.0.0.1}. Made afresh with the JDK's
 * {@code keytool} (the JDK has no public API to issue certificates) in a directory of the caller's choosing, so that
 * no key material outlives the build directory; only the CA's certificate is meant to leave it, in a trust store.
 */
final class PrivateCa {
    /** Opens the working key stores; they never leave the directory, so this is no secret worth a name. */
    private static final String WORK_PASSWORD = "private-ca-work";
    private static final String SERVER_NAMES = "dns:" + AuthProxy.PROXIED_HOST + ",dns:localhost,ip:127.0.0.1";

    private final X509Certificate caCertificate;
    private final PrivateKey serverKey;
    private final Certificate[] serverChain;

    private PrivateCa(X509Certificate caCertificate, PrivateKey serverKey, Certificate[] serverChain) {
        this.caCertificate = caCertificate;
        this.serverKey = serverKey;
        this.serverChain = serverChain;
    }

    /** Issues a new CA and server certificate in {@code directory}, replacing what an earlier run left there. */
    static PrivateCa create(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path ca = directory.resolve("ca.p12");
        Path server = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path issued = directory.resolve("server.crt");
        for (Path stale : List.of(ca, server, request, issued)) {
            // keytool refuses to add an alias a store already holds.
            Files.deleteIfExists(stale);
        }
        // EC keys: generated in milliseconds, where RSA can take seconds on a busy machine.
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-dname", "CN=oauth-token IT private CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign",
                "-storetype", "PKCS12", "-keystore", ca.toString(), "-storepass", WORK_PASSWORD);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-dname", "CN=" + AuthProxy.PROXIED_HOST, "-storetype", "PKCS12", "-keystore", server.toString(),
                "-storepass", WORK_PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", WORK_PASSWORD,
                "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", WORK_PASSWORD,
                "-infile", request.toString(), "-outfile", issued.toString(), "-validity", "7",
                "-ext", "SAN=" + SERVER_NAMES, "-ext", "eku=serverAuth", "-ext", "ku:c=digitalSignature");
        try {
            X509Certificate caCertificate = (X509Certificate) load(ca).getCertificate("ca");
            PrivateKey serverKey = (PrivateKey) load(server).getKey("server", WORK_PASSWORD.toCharArray());
            Certificate serverCertificate;
            try (InputStream in = Files.newInputStream(issued)) {
                serverCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return new PrivateCa(caCertificate, serverKey, new Certificate[] {serverCertificate, caCertificate});
        } catch (GeneralSecurityException e) {
            throw new IOException("the certificates keytool made in " + directory + " could not be read", e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, WORK_PASSWORD.toCharArray());
        }
        return store;
    }

    /** TLS for a server that presents the issued certificate and the CA's above it. */
    SSLContext serverContext() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", serverKey, WORK_PASSWORD.toCharArray(), serverChain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, WORK_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the issued certificate does not make a TLS context", e);
        }
    }

    /** A key store holding just the CA's certificate, as a client that trusts this CA and nothing else needs it. */
    KeyStore trustStore() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("oauth-token-it-ca", caCertificate);
            return trust;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty PKCS12 store could not be made", e);
        }
    }

    /** Writes {@link #trustStore()} as a PKCS12 file that {@code password} opens. */
    void writeTrustStore(Path file, String password) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            trustStore().store(out, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("the trust store " + file + " could not be written", e);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.add("-noprompt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                // The command holds only the working password, never a secret of the ITs.
                throw new IOException("keytool " + args[0] + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool " + args[0] + " ran", e);
        }
    }
}
