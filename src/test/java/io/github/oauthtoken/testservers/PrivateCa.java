package io.github.oauthtoken.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A private certificate authority, as a company runs for its internal servers, and one loopback server certificate
 * it signed for {@link AuthProxy#PROXIED_HOST}, {@code localhost} and {@code 127.0.0.1}. Made afresh with the JDK's
 * {@code keytool} (the JDK has no public API to issue certificates) in a directory of the caller's choosing, so that
 * no key material outlives the build directory; only the CA's certificate is meant to leave it, in a trust store,
 * and the client certificates it issues for mutual TLS ({@link #issueClientKeyStore}), in the key stores of the
 * tests.
 */
public final class PrivateCa {
    /** Opens the working key stores; they never leave the directory, so this is no secret worth a name. */
    private static final String WORK_PASSWORD = "private-ca-work";
    private static final String SERVER_NAMES = "dns:" + AuthProxy.PROXIED_HOST + ",dns:localhost,ip:127.0.0.1";

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;
    private final PrivateKey serverKey;
    private final Certificate[] serverChain;

    private PrivateCa(X509Certificate caCertificate, PrivateKey caKey, PrivateKey serverKey,
            Certificate[] serverChain) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
        this.serverKey = serverKey;
        this.serverChain = serverChain;
    }

    /** Issues a new CA and server certificate in {@code directory}, replacing what an earlier run left there. */
    public static PrivateCa create(Path directory) throws IOException {
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
            KeyStore caStore = load(ca);
            X509Certificate caCertificate = (X509Certificate) caStore.getCertificate("ca");
            PrivateKey caKey = (PrivateKey) caStore.getKey("ca", WORK_PASSWORD.toCharArray());
            PrivateKey serverKey = (PrivateKey) load(server).getKey("server", WORK_PASSWORD.toCharArray());
            Certificate serverCertificate;
            try (InputStream in = Files.newInputStream(issued)) {
                serverCertificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            return new PrivateCa(caCertificate, caKey, serverKey, new Certificate[] {serverCertificate, caCertificate});
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

    /**
     * TLS for a server that presents the issued certificate and the CA's above it, and that trusts the client
     * certificates this CA issued, for a server that asks for them (mutual TLS).
     */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(serverKeyStore(), WORK_PASSWORD.toCharArray());
            TrustManagerFactory clients = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            clients.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), clients.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the issued certificate does not make a TLS context", e);
        }
    }

    /**
     * The server's key and chain in a key store of its own (alias {@code server}), which {@link #serverKeyPassword()}
     * opens: for a server whose TLS is configured from key stores (Jetty's {@code SslContextFactory}).
     */
    public KeyStore serverKeyStore() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", serverKey, WORK_PASSWORD.toCharArray(), serverChain);
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("an empty PKCS12 store could not be made", e);
        }
    }

    public String serverKeyPassword() {
        return WORK_PASSWORD;
    }

    /**
     * Issues a client certificate (extended key usage {@code clientAuth}) for {@code subject}, an X.500 name such as
     * {@code CN=client, O=tests}, and writes its key with the chain [client, CA] to a PKCS12 store at {@code file}
     * under {@code alias}, store and key opened by {@code password}: what a company's PKI hands a client for mutual
     * TLS. The chain matters: a server tells {@code tls_client_auth} from {@code self_signed_tls_client_auth} by it
     * (Spring Authorization Server takes a chain of one certificate for a self-signed one).
     *
     * @return the issued certificate
     */
    public X509Certificate issueClientKeyStore(Path file, String alias, String subject, String password)
            throws IOException {
        try {
            // In this JVM with Bouncy Castle rather than keytool: three keytool runs per certificate would add
            // seconds to every start of the test servers on a busy machine.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(7))), new X500Principal(subject), pair.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, pair.getPrivate(), password.toCharArray(),
                    new Certificate[] {certificate, caCertificate});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, password.toCharArray());
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("no client certificate for " + subject + " could be issued", e);
        }
    }

    /** A key store holding just the CA's certificate, as a client that trusts this CA and nothing else needs it. */
    public KeyStore trustStore() {
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
    public void writeTrustStore(Path file, String password) throws IOException {
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
        command.addAll(TestKeyStores.SHORT_LIVED_JVM);
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
