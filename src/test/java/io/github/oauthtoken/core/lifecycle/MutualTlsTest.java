package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.github.oauthtoken.core.ConfigurationException;
import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.testservers.PrivateCa;
import io.github.oauthtoken.testservers.TestKeyStores;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.x500.X500Principal;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tls_client_auth} (RFC 8705 section 2.1) through the entry the goals use, against an HTTPS server of a
 * private CA that asks every client for a certificate and, like Spring Authorization Server, accepts the client whose
 * certificate has the subject registered for it, at the token, introspection and revocation endpoints alike.
 */
class MutualTlsTest {
    private static final String STORE_PASSWORD = "mtls-store-PASS-4";
    private static final String TRUST_PASSWORD = "mtls-trust-PASS-6";
    private static final String CLIENT = "mtls-client";
    private static final String SUBJECT = "CN=mtls-client,O=oauth-token tests";
    private static final String OTHER_SUBJECT = "CN=someone-else,O=oauth-token tests";

    @TempDir
    static Path dir;
    static PrivateCa ca;
    static HttpsServer server;
    /** Requires a certificate of the CA in the handshake, as corporate gateways do. */
    static Server requiring;
    static Path selfSigned;
    static Path clientStore;
    static Path otherStore;
    static Path trustStore;
    /** What each request presented: the endpoint, the certificate's subject (or "none"), the form. */
    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    static final AtomicInteger issued = new AtomicInteger();

    record Seen(String path, String subject, int chainLength, Map<String, String> form, String authorization) {}

    @BeforeAll
    static void start() throws Exception {
        ca = PrivateCa.create(dir.resolve("ca"));
        clientStore = dir.resolve("client.p12");
        otherStore = dir.resolve("other.p12");
        ca.issueClientKeyStore(clientStore, "ci", SUBJECT, STORE_PASSWORD);
        ca.issueClientKeyStore(otherStore, "ci", OTHER_SUBJECT, STORE_PASSWORD);
        trustStore = dir.resolve("trust.p12");
        ca.writeTrustStore(trustStore, TRUST_PASSWORD);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext()) {
            @Override
            public void configure(HttpsParameters params) {
                // Asks, does not require: the certificate is one client's credential, not every client's.
                params.setWantClientAuth(true);
            }
        });
        for (String path : List.of("/token", "/introspect", "/revoke")) {
            server.createContext(path, MutualTlsTest::handle);
        }
        server.start();
        selfSigned = TestKeyStores.create(dir.resolve("self-signed.p12"), "PKCS12", KeyKind.EC, "ci", STORE_PASSWORD);
        // Jetty's server, as Spring Authorization Server and many gateways run on: it requires a certificate of the CA.
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(ca.serverKeyStore());
        tls.setKeyStorePassword(ca.serverKeyPassword());
        tls.setTrustStore(ca.trustStore());
        tls.setNeedClientAuth(true);
        requiring = new Server();
        ServerConnector connector = new ServerConnector(requiring, tls);
        connector.setHost("127.0.0.1");
        requiring.addConnector(connector);
        requiring.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                seen.add(new Seen("/token", "presented", 0, Map.of(), null));
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        requiring.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        requiring.stop();
    }

    private static void handle(HttpExchange exchange) throws IOException {
        String subject = "none";
        int chain = 0;
        try {
            Certificate[] peer = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
            subject = ((X509Certificate) peer[0]).getSubjectX500Principal().getName();
            chain = peer.length;
        } catch (SSLPeerUnverifiedException e) {
            // no certificate presented
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String path = exchange.getRequestURI().getPath();
        seen.add(new Seen(path, subject, chain, form, exchange.getRequestHeaders().getFirst("Authorization")));
        boolean registered = CLIENT.equals(form.get("client_id"))
                && new X500Principal(SUBJECT).getName().equals(subject);
        String body;
        int status = 200;
        if (!registered) {
            status = 401;
            body = "{\"error\":\"invalid_client\"}";
        } else if (path.equals("/token")) {
            body = "{\"access_token\":\"mtls-token-" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
        } else if (path.equals("/introspect")) {
            body = "{\"active\":true,\"scope\":\"orders:read\"}";
        } else {
            body = "";
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String base() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    private static MapParameters mtls(Path keyStore) {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2").with(Parameter.TOKEN_URL, base() + "/token")
                .with(Parameter.INTROSPECTION_URL, base() + "/introspect")
                .with(Parameter.REVOCATION_URL, base() + "/revoke")
                .with(Parameter.CLIENT_AUTH, "tls_client_auth").with(Parameter.CLIENT_ID, CLIENT)
                .with(Parameter.KEY_STORE, keyStore).with(Parameter.KEY_STORE_SERVER_ID, "keys")
                .with(Parameter.TRUST_STORE, trustStore).with(Parameter.TRUST_STORE_SERVER_ID, "trust")
                .with(Parameter.RETRIES, 0).with(Parameter.CACHE, "none");
    }

    private static TestExecution module(String... revokePrefixes) {
        return new TestExecution("it:mtls:1", java.util.concurrent.ConcurrentHashMap.newKeySet(), revokePrefixes)
                .server("keys", null, STORE_PASSWORD).server("trust", null, TRUST_PASSWORD)
                .env("OAUTH_CLIENT_SECRET", "never-read-SECRET-3");
    }

    @Test
    void theCertificateGoesWithTheHandshakeToTheTokenIntrospectionAndRevocationEndpoints() throws Exception {
        seen.clear();
        TokenLifecycle build = new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC());
        TestExecution module = module("oauth.token");
        build.fetch(mtls(clientStore).with(Parameter.VERIFY, true), module);
        String token = module.properties.getProperty("oauth.token");
        build.revoke(mtls(clientStore).with(Parameter.VERIFY, true), module);

        assertThat(seen).extracting(Seen::path).containsExactly("/token", "/introspect", "/revoke");
        String registered = new X500Principal(SUBJECT).getName();
        assertThat(seen).allSatisfy(request -> {
            assertThat(request.subject()).isEqualTo(registered);
            // The key entry's whole chain, as PKI-issued certificates need (RFC 8705 section 2.1).
            assertThat(request.chainLength()).isEqualTo(2);
            assertThat(request.form()).containsEntry("client_id", CLIENT).doesNotContainKeys("client_secret",
                    "client_assertion");
            assertThat(request.authorization()).isNull();
        });
        assertThat(seen.get(2).form()).containsEntry("token", token);
        assertThat(module.printed()).doesNotContain(STORE_PASSWORD, TRUST_PASSWORD, "never-read-SECRET-3", token);
    }

    @Test
    void aRequestOfAnotherClientAuthenticationPresentsNoCertificate() throws Exception {
        seen.clear();
        TestExecution module = module().env("OAUTH_CLIENT_ID", CLIENT);
        MapParameters basic = MapParameters.of().with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.TOKEN_URL, base() + "/token").with(Parameter.TRUST_STORE, trustStore)
                .with(Parameter.TRUST_STORE_SERVER_ID, "trust").with(Parameter.RETRIES, 0);

        assertThatThrownBy(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC())
                .fetch(basic, module)).hasMessageContaining("HTTP 401");
        assertThat(seen).extracting(Seen::subject).containsExactly("none");
    }

    @Test
    void aCertificateOfAnotherSubjectIsRefusedOnceWithItsSubjectAndIssuerInTheHint() {
        seen.clear();
        TestExecution module = module();
        Throwable failure = catchThrowable(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER,
                Clock.systemUTC()).fetch(mtls(otherStore), module));

        assertThat(failure).isInstanceOf(TokenException.class).isNotInstanceOf(ConfigurationException.class)
                .hasMessageContaining("HTTP 401, error invalid_client")
                .hasMessageContaining("subject " + new X500Principal(OTHER_SUBJECT).getName())
                .hasMessageContaining("issued by CN=oauth-token IT private CA")
                .hasMessageContaining("client " + CLIENT);
        assertThat(seen).hasSize(1);
        assertThat(module.printed(failure)).doesNotContain(STORE_PASSWORD, TRUST_PASSWORD);
    }

    @Test
    void aHandshakeRefusedForTheCertificateNamesItAndIsNotRetried() {
        seen.clear();
        TestExecution module = module();
        Throwable failure = catchThrowable(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER,
                Clock.systemUTC()).fetch(mtls(selfSigned).with(Parameter.RETRIES, 2)
                        .with(Parameter.TOKEN_URL, "https://localhost:" + ((ServerConnector) requiring.getConnectors()[0]).getLocalPort() + "/token"),
                        module));

        assertThat(failure).isInstanceOf(TokenException.class)
                .hasMessageContaining("the TLS handshake with localhost failed")
                .hasMessageNotContaining("attempts")
                .hasMessageContaining("If the server refused the client certificate, the certificate of subject CN=")
                .hasMessageContaining("it holds 1 certificate");
        assertThat(seen).isEmpty();
        assertThat(module.printed(failure)).doesNotContain(STORE_PASSWORD, TRUST_PASSWORD);
    }

    @Test
    void aKeyStoreThatDoesNotOpenIsAConfigurationMistakeBeforeAnyRequest() {
        seen.clear();
        TestExecution wrongPassword = module().server("keys", null, "wrong-PASS-2");
        Throwable failure = catchThrowable(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER,
                Clock.systemUTC()).fetch(mtls(clientStore).with(Parameter.FAIL_ON_ERROR, false), wrongPassword));
        assertThat(failure).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<keyStore> " + clientStore + " could not be opened")
                .hasMessageNotContaining("wrong-PASS-2");

        assertThatThrownBy(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC())
                .fetch(mtls(clientStore).with(Parameter.KEY_ALIAS, "other"), module()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("no entry 'other' (<keyAlias>)");
        assertThatThrownBy(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC())
                .fetch(mtls(clientStore).with(Parameter.KEY_STORE, null), module()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<clientAuth>tls_client_auth</clientAuth> needs <keyStore>");
        assertThatThrownBy(() -> new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC())
                .fetch(mtls(clientStore).with(Parameter.SIGNING_ALGORITHM, "RS256"), module()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("<signingAlgorithm>").hasMessageContaining("<clientAuth> is tls_client_auth");
        assertThat(seen).isEmpty();
    }
}
