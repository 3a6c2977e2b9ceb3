package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.basic;
import static io.github.oauthtoken.testservers.SimulatorClient.claims;
import static io.github.oauthtoken.testservers.SimulatorClient.get;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build runs around the ITs: ready only when all servers answer, stops on request, never leaks. */
class TestServersMainTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    @TempDir
    Path temp;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private CompletableFuture<Integer> launch(Path ready, int genesysPort, BooleanSupplier stillWanted) {
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return TestServersMain.run(genesysPort, 0, 0, 0, 0, ready, out, stillWanted, Duration.ofMinutes(5));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private String announced(String server) {
        Matcher matcher = Pattern.compile(Pattern.quote(server) + "[^:]*: (\\S+)").matcher(console());
        assertThat(matcher.find()).as("a line for " + server + " in:\n" + console()).isTrue();
        return matcher.group(1);
    }

    @Test
    void startsAllServersAnnouncesThemWithoutSecretsAndStopsOnRequest() throws Exception {
        Path ready = temp.resolve("servers/ready");
        CompletableFuture<Integer> launcher = launch(ready, 0, () -> true);

        AwaitReady.await(ready, Duration.ofSeconds(60));

        List<String> lines = console().lines().toList();
        assertThat(lines).filteredOn(line -> line.startsWith("[test-servers] ")).hasSize(6);
        String genesys = announced("Genesys simulator");
        String cxone = announced("CXone simulator");
        String issuer = announced("mock-oauth2-server");
        assertThat(genesys).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(issuer).matches("http://localhost:\\d+/default");

        // Every server answers as the ITs will use it.
        String token = (String) postForm(genesys + "/oauth/token",
                basic("it-genesys-client", TestServersMain.GENESYS_SECRET), FORM, "grant_type=client_credentials")
                .json().get("access_token");
        assertThat(token).isNotBlank();
        assertThat(postForm(cxone + "/auth/token", basic(TestServersMain.CXONE_CLIENT, TestServersMain.CXONE_SECRET),
                FORM, "grant_type=password&username=" + TestServersMain.CXONE_KEY_ID + "&password="
                        + TestServersMain.CXONE_KEY_SECRET).status()).isEqualTo(200);
        assertThat(get(issuer + "/.well-known/openid-configuration").json()).containsEntry("issuer", issuer)
                .containsEntry("token_endpoint", issuer + "/token");
        String jwt = (String) postForm(issuer + "/token", basic("it-oauth2-client", "it-oauth2-secret-Hq4m"), FORM,
                "grant_type=client_credentials&scope=orders:read").json().get("access_token");
        assertThat(claims(jwt)).containsEntry("iss", issuer);
        assertThat(Files.readAllLines(ready.resolveSibling(TestServersMain.JOURNAL))).contains(token);
        String proxyPort = announced("authenticating proxy").replace("127.0.0.1:", "");
        assertThat(Files.readString(ready.resolveSibling(TestServersMain.PROXY_SETTINGS)))
                .contains("<port>" + proxyPort + "</port>");
        // The corporate pair: an http and an https proxy, both active, on the same host and port.
        String pair = Files.readString(ready.resolveSibling(TestServersMain.PROXY_PAIR_SETTINGS));
        assertThat(pair.split("<port>" + proxyPort + "</port>", -1)).hasSize(3);
        assertThat(pair).contains("<protocol>http</protocol>", "<protocol>https</protocol>")
                .doesNotContain("<active>false</active>");

        assertThat(StopTestServers.stop(ready, Duration.ofSeconds(10))).isTrue();
        assertThat(launcher.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(ready).doesNotExist();
        assertThat(console()).contains("[test-servers] stopped (stop requested)");
        for (String secret : List.of(TestServersMain.GENESYS_SECRET, TestServersMain.CXONE_SECRET,
                TestServersMain.CXONE_KEY_SECRET, TestServersMain.PROXY_PASSWORD, token, jwt)) {
            assertThat(console()).doesNotContain(secret);
        }
    }

    @Test
    void servesGenesysOverHttpsWithACertificateOfAPrivateCaWhoseTrustStoreIsWrittenBesideTheReadyFile()
            throws Exception {
        Path ready = temp.resolve("servers/ready");
        CompletableFuture<Integer> launcher = launch(ready, 0, () -> true);
        AwaitReady.await(ready, Duration.ofSeconds(60));
        String https = announced("Genesys simulator over HTTPS");
        assertThat(https).matches("https://127\\.0\\.0\\.1:\\d+");

        // The trust store holds exactly one certificate: a CA's, which signed the server's.
        Path trustStore = ready.resolveSibling(TestServersMain.TRUST_STORE);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trust.load(in, TestServersMain.TRUST_STORE_PASSWORD.toCharArray());
        }
        List<String> aliases = Collections.list(trust.aliases());
        assertThat(aliases).hasSize(1);
        assertThat(trust.isCertificateEntry(aliases.get(0))).isTrue();
        X509Certificate ca = (X509Certificate) trust.getCertificate(aliases.get(0));
        assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);

        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(trust)).connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> reply = trusting.send(HttpRequest.newBuilder(URI.create(https + "/oauth/token"))
                .header("Authorization", basic("it-proxy-client", TestServersMain.GENESYS_SECRET))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.sslSession()).isPresent();
        X509Certificate server = (X509Certificate) reply.sslSession().get().getPeerCertificates()[0];
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(server.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .contains(AuthProxy.PROXIED_HOST, "127.0.0.1");
        String token = reply.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        assertThat(Files.readAllLines(ready.resolveSibling(TestServersMain.JOURNAL))).contains(token);
        assertThat(trusting.send(HttpRequest.newBuilder(URI.create(https + "/api/v2/tokens/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> get(https + "/__count")).as("the JVM's default trust store does not know the CA")
                .isInstanceOf(SSLHandshakeException.class);

        assertThat(StopTestServers.stop(ready, Duration.ofSeconds(10))).isTrue();
        assertThat(launcher.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(console()).doesNotContain(TestServersMain.TRUST_STORE_PASSWORD).doesNotContain(token);
    }

    private static SSLContext trusting(KeyStore trust) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Test
    void aServerThatCannotStartFailsTheWaitAtOnceAndLeavesNothingRunning() throws Exception {
        Path ready = temp.resolve("ready");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> launcher = launch(ready, taken.getLocalPort(), () -> true);

            long start = System.nanoTime();
            assertThatThrownBy(() -> AwaitReady.await(ready, Duration.ofSeconds(60)))
                    .hasMessageContaining("failed to start");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
            assertThat(launcher.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ready).doesNotExist();
        }
    }

    @Test
    void theServersStopWhenTheBuildThatStartedThemIsGone() throws Exception {
        Path ready = temp.resolve("ready");
        AtomicBoolean buildAlive = new AtomicBoolean(true);
        CompletableFuture<Integer> launcher = launch(ready, 0, buildAlive::get);
        AwaitReady.await(ready, Duration.ofSeconds(60));

        buildAlive.set(false);

        assertThat(launcher.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(console()).contains("stopped (the build that started them is gone)");
    }

    @Test
    void waitingForServersThatNeverComeIsBounded() {
        assertThatThrownBy(() -> AwaitReady.await(temp.resolve("ready"), Duration.ofMillis(300)))
                .hasMessageContaining("not ready within");
    }
}
