package io.github.oauthtoken.core.faults;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.oauthtoken.testservers.AuthProxy;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS token server with a self-signed certificate for {@code localhost} and {@link AuthProxy#PROXIED_HOST},
 * made with the JDK's keytool, and a PKCS12 trust store holding just that certificate.
 */
final class SelfSignedTls implements AutoCloseable {
    static final String STORE_PASSWORD = "changeit";

    final Path keyStore;
    final Path trustStore;
    /** The header names of each request, as the token server saw them (behind any proxy). */
    final java.util.List<String> headerNames = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** The server's certificate, for tests that build trust stores of their own. */
    final Certificate certificate;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
    private final HttpsServer server;

    SelfSignedTls(Path directory, String tokenJson) throws Exception {
        keyStore = directory.resolve("server.p12");
        trustStore = directory.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,dns:" + AuthProxy.PROXIED_HOST + ",ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(keyStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        certificate = keys.getCertificate("server");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        try (var out = java.nio.file.Files.newOutputStream(trustStore)) {
            trust.store(out, STORE_PASSWORD.toCharArray());
        }

        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                // The JDK's server configures each accepted connection before its handshake: one call per attempt.
                connections.incrementAndGet();
                super.configure(params);
            }
        });
        server.createContext("/oauth/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            headerNames.add(String.join(",", exchange.getRequestHeaders().keySet()));
            byte[] body = tokenJson.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** TCP connections accepted so far, whether or not their TLS handshake succeeded. */
    int connections() {
        return connections.get();
    }

    String url() {
        return url("localhost");
    }

    /** The token URL under another name of this server, such as one only a proxy resolves. */
    String url(String host) {
        return "https://" + host + ":" + server.getAddress().getPort() + "/oauth/token";
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String[] command = new String[args.length + 1];
        command[0] = keytool.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + String.join(" ", command));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
