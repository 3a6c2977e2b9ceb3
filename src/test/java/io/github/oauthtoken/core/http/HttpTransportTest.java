package io.github.oauthtoken.core.http;

import io.github.oauthtoken.core.BuildLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.StubHttpServer.Response;
import io.github.oauthtoken.core.TokenException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private final StubHttpServer server = new StubHttpServer();
    private final List<AutoCloseable> closeLater = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (AutoCloseable c : closeLater) {
            c.close();
        }
    }

    private HttpTransport transport(Duration timeout, int maxBodyBytes) {
        HttpTransport transport = new HttpTransport(TestHttpSettings.direct(Duration.ofSeconds(5), timeout,
                maxBodyBytes), BuildLog.SILENT);
        closeLater.add(transport);
        return transport;
    }

    private HttpTransport transport() {
        return transport(Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES);
    }

    private static HttpCall tokenRequest(String url) {
        return HttpCall.postForm("token request", URI.create(url), new FormBody()
                .add("grant_type", "client_credentials"))
                .header("Authorization", "Basic Y2xpZW50OnNlY3JldA==");
    }

    @Test
    void a200IsReturnedWithStatusTypeHeadersAndBodyAndTheServerSeesTheRequestAsSent() throws TokenException {
        server.on("/oauth/token", r -> Response.json(200, "{\"access_token\":\"t\"}").header("X-Request-Id", "req-1"));

        HttpReply reply = transport().send(tokenRequest(server.url() + "/oauth/token"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("application/json");
        assertThat(reply.bodyText()).isEqualTo("{\"access_token\":\"t\"}");
        assertThat(reply.header("X-Request-Id")).contains("req-1");
        assertThat(reply.header("x-request-id")).contains("req-1");
        assertThat(reply.attempts()).isEqualTo(1);
        assertThat(reply.jsonObject()).get().extracting(m -> m.get("access_token")).isEqualTo("t");

        StubHttpServer.Request seen = server.requests().get(0);
        assertThat(server.requests()).hasSize(1);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/oauth/token");
        assertThat(seen.body()).isEqualTo("grant_type=client_credentials");
        assertThat(seen.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(seen.header("Authorization")).isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
        assertThat(seen.header("User-Agent")).isEqualTo("oauth-token-maven-plugin");
    }

    @Test
    void theClientAsksForNoCompressionAndRefusesACompressedBodyByName() throws Exception {
        java.io.ByteArrayOutputStream gzipped = new java.io.ByteArrayOutputStream();
        try (OutputStream gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write("{\"access_token\":\"t\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] body = gzipped.toByteArray();
        server.on("/plain", r -> Response.json(200, "{\"access_token\":\"t\"}"));
        // A well-formed gzip body, which a client that decoded gzip would read as the token response.
        server.raw("/gzip", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        HttpTransport transport = transport();

        transport.send(tokenRequest(server.url() + "/plain"));
        assertThat(server.requests("/plain").get(0).header("Accept-Encoding")).isEqualTo("identity");
        assertThatThrownBy(() -> transport.send(tokenRequest(server.url() + "/gzip")))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("HTTP 200")
                .hasMessageContaining("content coding 'gzip'")
                .hasMessageContaining("Accept-Encoding: identity");
    }

    @Test
    void anErrorStatusIsAReplyForTheCallerToExplainNotAnException() throws TokenException {
        server.onJson("/oauth/token", 400, "{\"error\":\"invalid_client\"}");

        HttpReply reply = transport().send(tokenRequest(server.url() + "/oauth/token"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.bodyText()).isEqualTo("{\"error\":\"invalid_client\"}");
        assertThat(reply.toString()).isEqualTo("HttpReply[POST " + server.url() + "/oauth/token -> 400, 26 bytes]");
    }

    @Test
    void aRedirectIsAnErrorNamingTheTargetHostAndIsNeverFollowed() {
        try (StubHttpServer elsewhere = new StubHttpServer()) {
            elsewhere.onJson("/", 200, "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":60}");
            String location = "http://localhost:" + elsewhere.port() + "/oauth/token?state=SECRET-state";
            server.on("/oauth/token", r -> new Response(302, java.util.Map.of("Location", location), ""));

            assertThatThrownBy(() -> transport().send(tokenRequest(server.url() + "/oauth/token")))
                    .isInstanceOf(TokenException.class)
                    .hasMessage("Token request (POST " + server.url() + "/oauth/token) was answered with a redirect "
                            + "(HTTP 302) to host localhost. The plugin does not follow redirects, so that credentials are "
                            + "never sent to another host; configure the final URL instead.");
            assertThat(server.requests()).hasSize(1);
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void aRelativeRedirectIsResolvedForTheMessageAndOneWithoutLocationSaysSo() {
        server.on("/moved", r -> new Response(301, java.util.Map.of("Location", "/oauth/token"), ""));
        server.on("/nowhere", r -> new Response(307, java.util.Map.of(), ""));

        assertThatThrownBy(() -> transport().send(HttpCall.get("discovery", URI.create(server.url() + "/moved"))))
                .hasMessageStartingWith("Discovery (GET " + server.url()
                + "/moved) was answered with a redirect (HTTP 301) "
                        + "to host 127.0.0.1.");
        assertThatThrownBy(() -> transport().send(HttpCall.get("discovery", URI.create(server.url() + "/nowhere"))))
                .hasMessageStartingWith("Discovery (GET " + server.url() + "/nowhere) was answered with a redirect "
                        + "(HTTP 307) without a Location header.");
        assertThat(server.requests(("/oauth/token"))).isEmpty();
    }

    private static void oversized(com.sun.net.httpserver.HttpExchange exchange, int bytes, boolean chunked)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, chunked ? 0 : bytes);
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] block = new byte[1024];
            java.util.Arrays.fill(block, (byte) 'x');
            for (int sent = 0; sent < bytes; sent += block.length) {
                out.write(block, 0, Math.min(block.length, bytes - sent));
            }
        } catch (IOException e) {
            // The client hung up once it had enough: that is the point.
        }
    }

    @Test
    void aBodyOver64KibIsRefusedWhetherItsLengthIsAnnouncedOrNot() {
        server.raw("/announced", exchange -> oversized(exchange, 65 * 1024, false));
        server.raw("/chunked", exchange -> oversized(exchange, 65 * 1024, true));

        for (String path : new String[] {"/announced", "/chunked"}) {
            assertThatThrownBy(() -> transport().send(HttpCall.get("discovery", URI.create(server.url() + path))))
                    .as(path)
                    .isInstanceOf(TokenException.class)
                    .hasMessage("Discovery (GET " + server.url() + path + ") failed: the response body is larger than "
                            + "64 KiB and was refused without reading further. Check that the URL points at the token server.");
        }
    }

    @Test
    void theBodyLimitIsInclusive() throws TokenException {
        server.raw("/exact", exchange -> oversized(exchange, 2048, false));
        server.raw("/over", exchange -> oversized(exchange, 2049, true));

        assertThat(transport(Duration.ofSeconds(30), 2048)
                .send(HttpCall.get("discovery", URI.create(server.url() + "/exact"))).body()).hasSize(2048);
        assertThatThrownBy(() -> transport(Duration.ofSeconds(30), 2048)
                .send(HttpCall.get("discovery", URI.create(server.url() + "/over"))))
                .hasMessageContaining("the response body is larger than 2 KiB");
    }

    @Test
    void aRefusedConnectionSaysWhereItTriedToConnect() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/oauth/token";

        assertThatThrownBy(() -> transport().send(tokenRequest(url)))
                .isInstanceOf(TokenException.class)
                .message()
                .startsWith("Token request (POST " + url + ") failed: could not connect to 127.0.0.1:" + port + " (")
                .endsWith("). Check the URL and that the server is reachable from this machine (and the proxy settings).")
                .doesNotContain("Y2xpZW50OnNlY3JldA==");
    }

    @Test
    void theDeadlineStopsAServerThatAcceptsAndNeverAnswers() throws Exception {
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        closeLater.add(silent);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // and never answer
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        closeLater.add(() -> {
            for (Socket s : accepted) {
                s.close();
            }
        });
        String url = "http://127.0.0.1:" + silent.getLocalPort() + "/oauth/token";

        assertThatThrownBy(() -> transport(Duration.ofSeconds(1), HttpSettings.DEFAULT_MAX_BODY_BYTES)
                .send(tokenRequest(url)))
                .isInstanceOf(TokenException.class)
                .hasMessage("Token request (POST " + url
                + ") failed: no complete answer within the <timeout> of 1 s for "
                        + "the whole fetch. Check that the server is reachable, or raise <timeout>.");
    }

    @Test
    void oneDeadlineCoversEveryRequestOfATransportSoAnExpiredOneSendsNothing() {
        server.onJson("/oauth/token", 200, "{}");

        assertThatThrownBy(() -> transport(Duration.ZERO, HttpSettings.DEFAULT_MAX_BODY_BYTES)
                .send(tokenRequest(server.url() + "/oauth/token")))
                .hasMessage("Token request (POST " + server.url()
                + "/oauth/token) failed: the <timeout> of 0 s for the "
                        + "whole fetch has passed. Check that the server is reachable, or raise <timeout>.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aTlsFailureIsRecognisedAnywhereInTheCauseChainSoThatItIsNeverRetried() {
        // What the JDK's SSLEngine and Jetty hand over for a failed handshake: not always an SSLException on top.
        Throwable bareTrustManagerError = new RuntimeException("Unexpected error: the trustAnchors parameter must be "
                + "non-empty", new java.security.InvalidAlgorithmParameterException("the trustAnchors parameter must "
                + "be non-empty"));
        Throwable wrappedHandshake = new java.nio.channels.ClosedChannelException();
        wrappedHandshake.initCause(new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        Throwable wrappedCertificate = new IOException("handshake",
                new java.security.cert.CertificateException("expired"));

        assertThat(HttpFailures.isTlsFailure(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))
                .isTrue();
        assertThat(HttpFailures.isTlsFailure(bareTrustManagerError)).isTrue();
        assertThat(HttpFailures.isTlsFailure(wrappedHandshake)).isTrue();
        assertThat(HttpFailures.isTlsFailure(wrappedCertificate)).isTrue();
        assertThat(HttpFailures.isTlsFailure(new java.net.SocketException("Connection reset"))).isFalse();
        assertThat(HttpFailures.isTlsFailure(new org.eclipse.jetty.io.EofException())).isFalse();
    }

    /** Threads alive now that were not before, leaving out the stub server's own. */
    private static List<Thread> startedSince(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t))
                .filter(t -> !t.getName().startsWith("stub-http-server") && !t.getName().equals("HTTP-Dispatcher"))
                .toList();
    }

    private static void awaitEnd(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join(10_000); // bounded, and not a timing assertion: a thread that outlives it is the failure
        }
    }

    @Test
    void everyThreadTheClientStartsIsADaemonNamedForThePluginAndEndsWhenTheTransportCloses() throws Exception {
        server.onJson("/oauth/token", 200, "{}");
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpTransport transport = transport();

        transport.send(tokenRequest(server.url() + "/oauth/token"));
        List<Thread> started = startedSince(before);
        transport.close();
        awaitEnd(started);

        assertThat(started).isNotEmpty().allSatisfy(t -> {
            assertThat(t.getName()).startsWith("oauth-token-http");
            assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue();
        });
        assertThat(started).filteredOn(Thread::isAlive).as("threads still running after close").isEmpty();
    }

    @Test
    void aClientWhoseStartFailedIsStoppedAndLeavesNoThreadBehind() throws Exception {
        server.onJson("/oauth/token", 200, "{}");
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpTransport transport = transport();

        // An interrupted build thread (a cancelled build in an IDE or mvnd) makes Jetty's selector start fail
        // after the thread pool has started.
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            assertThatThrownBy(() -> transport.send(tokenRequest(server.url() + "/oauth/token")))
                    .isInstanceOf(TokenException.class)
                    .hasMessage("Token request (POST " + server.url() + "/oauth/token) was interrupted while the HTTP "
                            + "client was starting.");
        } finally {
            stillInterrupted = Thread.interrupted();
        }
        List<Thread> started = startedSince(before);
        awaitEnd(started);

        assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
        assertThat(started).allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName() + " is a daemon").isTrue());
        assertThat(started).filteredOn(Thread::isAlive).as("threads still running").isEmpty();
        assertThat(server.requests()).isEmpty();
    }
}
