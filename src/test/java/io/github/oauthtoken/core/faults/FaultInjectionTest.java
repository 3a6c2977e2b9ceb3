package io.github.oauthtoken.core.faults;

import io.github.oauthtoken.core.EndOfBuild;
import static io.github.oauthtoken.core.faults.FaultServer.closeEmpty;
import static io.github.oauthtoken.core.faults.FaultServer.hang;
import static io.github.oauthtoken.core.faults.FaultServer.huge;
import static io.github.oauthtoken.core.faults.FaultServer.json;
import static io.github.oauthtoken.core.faults.FaultServer.malformedChunked;
import static io.github.oauthtoken.core.faults.FaultServer.reset;
import static io.github.oauthtoken.core.faults.FaultServer.respond;
import static io.github.oauthtoken.core.faults.FaultServer.token;
import static io.github.oauthtoken.core.text.InertText.assertInert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.lifecycle.TestExecution;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.NonProxyHosts;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.http.RetryPolicy;
import io.github.oauthtoken.core.http.TrustSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.InertText;
import io.github.oauthtoken.testservers.AuthProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fault-injection suite: one scenario per way a token server (or the network, or the configuration) can go
 * wrong. Each asserts the outcome, the message, how many attempts the server saw, that the time taken stays within
 * the configured bounds (an upper bound only, generous, so a loaded machine cannot make it flaky), and that no
 * secret or token appears in any message or log line.
 */
class FaultInjectionTest {
    private static final String CLIENT_ID = "fault-client";
    private static final String SECRET = "fault-secret-" + UUID.randomUUID();
    private static final String TOKEN = "fault-token-" + UUID.randomUUID();

    @TempDir
    Path temp;

    private final TestExecution execution = new TestExecution("it:faults:1");
    private final RecordingBuildLog log = execution.log;
    private final Redactor redactor = new Redactor();

    /** Fast backoff so retries take milliseconds; Retry-After values from the server are honoured as given. */
    private static RetryPolicy retries(int count, Duration maxRetryWait) {
        return new RetryPolicy(count, maxRetryWait, Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private HttpSettings http(RetryPolicy retry, Duration timeout) {
        return new HttpSettings(Duration.ofSeconds(5), timeout, HttpSettings.DEFAULT_MAX_BODY_BYTES, retry,
                TrustSettings.JVM_DEFAULT, List.of());
    }

    /** What a scenario's build ends up with: the token property, as the goal sets it. */
    private record Obtained(String token) {}

    private Obtained fetch(String tokenUrl, HttpSettings http) throws TokenException {
        return fetch(ProviderKind.GENESYS, tokenUrl, http);
    }

    private Obtained fetch(ProviderKind kind, String tokenUrl, HttpSettings http) throws TokenException {
        try {
            return fetchUnredacted(kind, tokenUrl, http);
        } catch (TokenException e) {
            // What the Maven layer would print: the redacted message.
            throw new TokenException(redactor.redact(e.getMessage()));
        }
    }

    /**
     * Through the entry the goals use: the scenario's transport settings become the goal's parameters (and its
     * proxies the settings.xml ones), so parsing, credentials and the whole lifecycle run as in a build. Retries
     * wait as in production (full jitter from 1 s), since backoff is no parameter.
     */
    private Obtained fetchUnredacted(ProviderKind kind, String tokenUrl, HttpSettings http) throws TokenException {
        execution.env("ID", CLIENT_ID, "SECRET", SECRET, "KEY_ID", "key-id", "KEY_SECRET", SECRET + "-key");
        execution.proxies = http.proxies();
        MapParameters parameters = MapParameters.of()
                .with(Parameter.PROVIDER, kind.id())
                .with(Parameter.TOKEN_URL, tokenUrl)
                .with(Parameter.ISSUER, "http://127.0.0.1:1")
                .with(Parameter.CLIENT_ID_ENV, "ID").with(Parameter.CLIENT_SECRET_ENV, "SECRET")
                .with(Parameter.ACCESS_KEY_ID_ENV, "KEY_ID").with(Parameter.ACCESS_KEY_SECRET_ENV, "KEY_SECRET")
                .with(Parameter.CACHE, "none")
                .with(Parameter.RETRIES, http.retry().retries())
                .with(Parameter.MAX_RETRY_WAIT, http.retry().maxRetryWait().toString())
                .with(Parameter.TIMEOUT, http.timeout().toString())
                .with(Parameter.CONNECT_TIMEOUT, http.connectTimeout().toString());
        TrustSettings trust = http.trust();
        if (trust.trustStore() != null) {
            parameters.with(Parameter.TRUST_STORE, trust.trustStore()).with(Parameter.TRUST_STORE_TYPE, trust.type());
            if (trust.password() != null) {
                execution.server("trust-store", null, trust.password().reveal());
                parameters.with(Parameter.TRUST_STORE_SERVER_ID, "trust-store");
            }
        }
        new TokenLifecycle(redactor, EndOfBuild.NEVER, Clock.systemUTC()).fetch(parameters, execution);
        return new Obtained(execution.properties.getProperty("oauth.token"));
    }

    /** Runs a scenario, then checks the time bound and that nothing secret was said. */
    private <T> T within(Duration bound, ThrowingSupplier<T> scenario) throws Exception {
        long start = System.nanoTime();
        try {
            return scenario.get();
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("time taken").isLessThan(bound);
            assertThat(log.all()).doesNotContain(SECRET).doesNotContain(TOKEN);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private void assertFails(Duration bound, ThrowingSupplier<?> scenario, String... messageParts) throws Exception {
        within(bound, () -> {
            assertThatThrownBy(scenario::get)
                    .isInstanceOf(TokenException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains(messageParts)
                            .doesNotContain(SECRET).doesNotContain(TOKEN));
            return null;
        });
    }

    private long warnings() {
        return log.at("WARN").size();
    }

    @Test
    void http429WithRetryAfterSecondsThenSuccess() throws Exception {
        try (FaultServer server = new FaultServer(json(429, "{}", "Retry-After: 1"), token(TOKEN))) {
            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(server.attempts()).isEqualTo(2);
            assertThat(log.at("WARN")).singleElement().asString()
                    .contains("HTTP 429", "retry 1 of 3 in 1.0 s", "Retry-After");
        }
    }

    @Test
    void http429WithRetryAfterHttpDateThenSuccess() throws Exception {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        try (FaultServer server = new FaultServer(json(429, "{}", "Retry-After: " + date), token(TOKEN))) {
            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(server.attempts()).isEqualTo(2);
            assertThat(warnings()).isEqualTo(1);
        }
    }

    @Test
    void http429AskingLongerThanMaxRetryWaitFailsAtOnce() throws Exception {
        try (FaultServer server = new FaultServer(json(429, "{}", "Retry-After: 120"), token(TOKEN))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "HTTP 429", "asks to wait 120 s", "longer than <maxRetryWait> of 60 s");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http503TwiceThenSuccess() throws Exception {
        try (FaultServer server = new FaultServer(json(503, "{}"), json(503, "{}"), token(TOKEN))) {
            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(server.attempts()).isEqualTo(3);
            assertThat(warnings()).isEqualTo(2);
        }
    }

    @Test
    void http500ForeverGivesUpAfterTheRetries() throws Exception {
        try (FaultServer server = new FaultServer(json(500, "{\"error\":\"server_error\"}"))) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "after 4 attempts", "HTTP 500", "server_error");
            assertThat(server.attempts()).isEqualTo(4);
            assertThat(warnings()).isEqualTo(3);
        }
    }

    @Test
    void genesysRateLimit400IsRetried() throws Exception {
        try (FaultServer server = new FaultServer(
                json(400, "{\"error\":\"invalid_request\",\"description\":\"Rate limit exceeded the maximum\"}"),
                token(TOKEN))) {
            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(server.attempts()).isEqualTo(2);
        }
    }

    @Test
    void connectionResetIsRetried() throws Exception {
        try (FaultServer server = new FaultServer(reset(), token(TOKEN))) {
            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(server.attempts()).isEqualTo(2);
        }
    }

    @Test
    void emptyResponseIsRetriedThenFails() throws Exception {
        try (FaultServer server = new FaultServer(closeEmpty())) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(2, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "failed after 3 attempts", "the connection failed before a complete response arrived");
            assertThat(server.attempts()).isEqualTo(3);
        }
    }

    @Test
    void malformedChunkedBodyIsRetriedThenFails() throws Exception {
        try (FaultServer server = new FaultServer(malformedChunked())) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(1, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "failed after 2 attempts", "before a complete response arrived");
            assertThat(server.attempts()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatNeverAnswersHitsTheDeadline() throws Exception {
        try (FaultServer server = new FaultServer(hang())) {
            assertFails(Duration.ofSeconds(2 + 5),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(2))),
                    "no complete answer within the <timeout> of 2 s");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http200WithHtmlShowsStatusTypeAndTheStartOfTheBody() throws Exception {
        String html = "<html><body><h1>Proxy error</h1>" + "x".repeat(500) + "</body></html>";
        try (FaultServer server = new FaultServer(respond(200, "text/html", html))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "is not a JSON object", "HTTP 200", "text/html",
                    "body starts: <html><body><h1>Proxy error</h1>" + "x".repeat(168) + "…)");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http502WithHtmlShowsAtMost200CharactersWithSecretsMasked() throws Exception {
        String html = "<html>upstream said " + SECRET + " " + "y".repeat(400) + "</html>";
        try (FaultServer server = new FaultServer(respond(502, "text/html", html))) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(0, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "HTTP 502", "Content-Type 'text/html'", "body starts: <html>upstream said ****");
        }
    }

    @Test
    void http200WithoutAccessToken() throws Exception {
        try (FaultServer server = new FaultServer(json(200, "{\"token_type\":\"bearer\",\"expires_in\":3600}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "has no access_token", "token_type", "expires_in");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1.5", "\"abc\"", "1000000000000"})
    void badExpiresInIsRejected(String expiresIn) throws Exception {
        try (FaultServer server = new FaultServer(json(200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn + "}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "expires_in");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void tokenTypeMacIsRejected() throws Exception {
        try (FaultServer server = new FaultServer(json(200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"mac\",\"expires_in\":3600}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "token_type 'mac'", "only hands on bearer tokens");
        }
    }

    @Test
    void aTenMegabyteBodyIsRefused() throws Exception {
        try (FaultServer server = new FaultServer(huge(10 * 1024 * 1024))) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "larger than 64 KiB");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowed() throws Exception {
        try (FaultServer other = new FaultServer(token(TOKEN));
                FaultServer server = new FaultServer(respond(302, null, "",
                        "Location: " + other.url("/oauth/token").replace("127.0.0.1", "localhost")))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "redirect (HTTP 302) to host localhost", "does not follow redirects");
            assertThat(other.attempts()).isZero();
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http401InvalidClientIsNotRetried() throws Exception {
        try (FaultServer server = new FaultServer(json(401, "{\"error\":\"invalid_client\",\"error_description\":\"bad\"}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "HTTP 401, error invalid_client (bad)", "check the client id and secret in environment variables ID / SECRET");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http400UnauthorizedClientIsNotRetried() throws Exception {
        try (FaultServer server = new FaultServer(json(400, "{\"error\":\"unauthorized_client\"}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(server.url("/oauth/token"), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "HTTP 400, error unauthorized_client", "grant is not enabled for this OAuth client");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void http400InvalidGrantInTheCxoneShapeIsNotRetried() throws Exception {
        try (FaultServer server = new FaultServer(
                json(400, "{\"error\":\"invalid_grant\",\"errorDescription\":\"Invalid access key\"}"))) {
            assertFails(Duration.ofSeconds(10),
                    () -> fetch(ProviderKind.CXONE, server.url("/auth/token"),
                            http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "HTTP 400, error invalid_grant (Invalid access key)", "check the access key id and secret in "
                            + "environment variables KEY_ID / KEY_SECRET");
            assertThat(server.attempts()).isEqualTo(1);
        }
    }

    @Test
    void plainHttpToANonLoopbackHostIsRefusedBeforeConnecting() throws Exception {
        assertFails(Duration.ofSeconds(10),
                () -> fetch("http://login.mypurecloud.ie/oauth/token", http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                "uses plain http:// to login.mypurecloud.ie", "only for loopback hosts");
    }

    @Test
    void aLoopbackTargetIsNeverSentThroughAProxySoCredentialsStayOnThisMachine() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (FaultServer server = new FaultServer(token(TOKEN)); SelfSignedTls tls = new SelfSignedTls(temp, json);
                AuthProxy proxy = new AuthProxy(0, "proxy-user", "pw-3")) {
            List<ProxyRoute> routes = List.of(settingsProxy("http", proxy, "pw-3"), settingsProxy("https", proxy, "pw-3"));
            HttpSettings settings = trustingTls(tls, routes);

            Obtained plain = within(Duration.ofSeconds(20), () -> fetch(server.url("/oauth/token"), settings));
            Obtained named = within(Duration.ofSeconds(20), () -> fetch(tls.url(), settings));

            assertThat(plain.token()).isEqualTo(TOKEN);
            assertThat(named.token()).isEqualTo(TOKEN);
            assertThat(server.requests).singleElement().asString().contains("Authorization: Basic");
            assertThat(proxy.seen).as("requests the proxy saw").isEmpty();
        }
    }

    @Test
    void aProxyThatRefusesItsCredentialsFailsClearlyWithoutRetrying() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (SelfSignedTls tls = new SelfSignedTls(temp, json); AuthProxy proxy = new AuthProxy(0, "proxy-user", "right")) {
            HttpSettings settings = trustingTls(tls, List.of(settingsProxy("https", proxy, "wrong-pass")));

            assertFails(Duration.ofSeconds(20), () -> fetch(tls.url(AuthProxy.PROXIED_HOST), settings),
                    "Token request (POST " + tls.url(AuthProxy.PROXIED_HOST) + ") failed: the proxy 127.0.0.1:"
                            + proxy.port() + " (settings.xml proxy 'corp-https') refused to open a tunnel to "
                            + AuthProxy.PROXIED_HOST + ":" + java.net.URI.create(tls.url()).getPort()
                            + ": HTTP 407 Proxy Authentication Required. Check the proxy's username and password");
            assertThat(proxy.seen).as("requests the proxy saw").hasSize(1);
            assertThat(tls.headerNames).isEmpty();
            assertThat(log.all()).doesNotContain("wrong-pass");
        }
    }

    @Test
    void aProxyThatForbidsTheTunnelFailsAtOnceButOneThatCannotReachTheTargetIsRetried() throws Exception {
        int closedPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        try (AuthProxy proxy = new AuthProxy(0, "proxy-user", "pw-4")) {
            ProxyRoute route = new ProxyRoute("https", "127.0.0.1", proxy.port(), "proxy-user", Secret.of("pw-4"),
                    NonProxyHosts.NONE, "HTTPS_PROXY");
            HttpSettings settings = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    HttpSettings.DEFAULT_MAX_BODY_BYTES, retries(3, Duration.ofSeconds(60)), TrustSettings.JVM_DEFAULT,
                    List.of(route));
            String tunnelPrefix = "failed: the proxy 127.0.0.1:" + proxy.port() + " (HTTPS_PROXY) refused to open a "
                    + "tunnel to " + AuthProxy.PROXIED_HOST + ":";

            // A tunnel to the proxy itself, under a name it resolves: refused, as real proxies do, with 403.
            assertFails(Duration.ofSeconds(20),
                    () -> fetch("https://" + AuthProxy.PROXIED_HOST + ":" + proxy.port() + "/oauth/token", settings),
                    tunnelPrefix + proxy.port() + ": HTTP 403 Forbidden.");
            assertThat(proxy.seen).hasSize(1);

            proxy.seen.clear();
            assertFails(Duration.ofSeconds(20),
                    () -> fetch("https://" + AuthProxy.PROXIED_HOST + ":" + closedPort + "/oauth/token", settings),
                    "failed after 4 attempts: the proxy 127.0.0.1:" + proxy.port() + " (HTTPS_PROXY) refused to open "
                            + "a tunnel to " + AuthProxy.PROXIED_HOST + ":" + closedPort + ": HTTP 502 Bad Gateway.");
            assertThat(proxy.seen).hasSize(4);
        }
    }

    @Test
    void aSelfSignedCertificateIsRejectedByDefaultAndAcceptedWithItsTrustStore() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (SelfSignedTls tls = new SelfSignedTls(temp, json)) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(tls.url(), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "TLS handshake with localhost failed", "<trustStore>");

            HttpSettings trusting = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    HttpSettings.DEFAULT_MAX_BODY_BYTES, retries(0, Duration.ofSeconds(60)),
                    new TrustSettings(tls.trustStore, "PKCS12", Secret.of(SelfSignedTls.STORE_PASSWORD)), List.of());
            Obtained result = within(Duration.ofSeconds(20), () -> fetch(tls.url(), trusting));

            assertThat(result.token()).isEqualTo(TOKEN);
        }
    }

    @Test
    void httpsGoesThroughAnAuthenticatingProxyWithConnectAndTheServerNeverSeesTheProxyCredentials() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        String proxyPassword = "proxy-pass-" + UUID.randomUUID();
        try (SelfSignedTls tls = new SelfSignedTls(temp, json); AuthProxy proxy = new AuthProxy(0, "proxy-user", proxyPassword)) {
            ProxyRoute route = new ProxyRoute("https", "127.0.0.1", proxy.port(), "proxy-user", Secret.of(proxyPassword),
                    NonProxyHosts.NONE, "HTTPS_PROXY");
            HttpSettings settings = new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
                    HttpSettings.DEFAULT_MAX_BODY_BYTES, retries(0, Duration.ofSeconds(60)),
                    new TrustSettings(tls.trustStore, "PKCS12", Secret.of(SelfSignedTls.STORE_PASSWORD)), List.of(route));

            Obtained result = within(Duration.ofSeconds(20), () -> fetch(tls.url(AuthProxy.PROXIED_HOST), settings));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertThat(proxy.seen).singleElement().asString()
                    .startsWith("CONNECT " + AuthProxy.PROXIED_HOST + ":").containsIgnoringCase("Proxy-Authorization: Basic");
            assertThat(tls.headerNames).singleElement().asString()
                    .containsIgnoringCase("Authorization").doesNotContainIgnoringCase("Proxy-Authorization");
            assertThat(log.all()).doesNotContain(proxyPassword);
        }
    }

    private HttpSettings trustingTls(SelfSignedTls tls, List<ProxyRoute> proxies) {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES,
                retries(3, Duration.ofSeconds(60)),
                new TrustSettings(tls.trustStore, "PKCS12", Secret.of(SelfSignedTls.STORE_PASSWORD)), proxies);
    }

    private static ProxyRoute settingsProxy(String protocol, AuthProxy proxy, String password) {
        return new ProxyRoute(protocol, "127.0.0.1", proxy.port(), "proxy-user", Secret.of(password), NonProxyHosts.NONE,
                "settings.xml proxy 'corp-" + protocol + "'", protocol.equals("http"));
    }

    /** What a proxy saw, one request head per connection; the tunnelled TLS bytes are not in it. */
    private static void assertOneTunnelTo(AuthProxy proxy, SelfSignedTls tls) {
        String target = AuthProxy.PROXIED_HOST + ":" + java.net.URI.create(tls.url()).getPort();
        assertThat(proxy.seen).as("requests the proxy saw").singleElement().asString()
                .startsWith("CONNECT " + target + " HTTP/1.1\r\n")
                .doesNotContain(":" + proxy.port());
    }

    @Test
    void theUsualCorporatePairOfAnHttpAndAnHttpsProxyOnOneHostTunnelsHttpsOnceToTheTarget() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        String password = "proxy-pass-" + UUID.randomUUID();
        try (SelfSignedTls tls = new SelfSignedTls(temp, json); AuthProxy proxy = new AuthProxy(0, "proxy-user", password)) {
            HttpSettings settings = trustingTls(tls, List.of(settingsProxy("http", proxy, password),
                    settingsProxy("https", proxy, password)));

            Obtained result = within(Duration.ofSeconds(20), () -> fetch(tls.url(AuthProxy.PROXIED_HOST), settings));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertOneTunnelTo(proxy, tls);
            assertThat(warnings()).isZero();
        }
    }

    @Test
    void anHttpAndAnHttpsProxyOnDifferentPortsNeverProxyEachOther() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (SelfSignedTls tls = new SelfSignedTls(temp, json);
                AuthProxy forHttp = new AuthProxy(0, "proxy-user", "pw-http");
                AuthProxy forHttps = new AuthProxy(0, "proxy-user", "pw-https")) {
            HttpSettings settings = trustingTls(tls, List.of(settingsProxy("http", forHttp, "pw-http"),
                    settingsProxy("https", forHttps, "pw-https")));

            Obtained result = within(Duration.ofSeconds(20), () -> fetch(tls.url(AuthProxy.PROXIED_HOST), settings));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertOneTunnelTo(forHttps, tls);
            assertThat(forHttp.seen).as("requests the http proxy saw").isEmpty();
        }
    }

    @Test
    void aLoneSettingsXmlHttpProxyAlsoCarriesHttpsAsMavenUsesIt() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (SelfSignedTls tls = new SelfSignedTls(temp, json); AuthProxy proxy = new AuthProxy(0, "proxy-user", "pw-1")) {
            HttpSettings settings = trustingTls(tls, List.of(settingsProxy("http", proxy, "pw-1")));

            Obtained result = within(Duration.ofSeconds(20), () -> fetch(tls.url(AuthProxy.PROXIED_HOST), settings));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertOneTunnelTo(proxy, tls);
        }
    }

    @Test
    void httpsProxyAndHttpProxyVariablesNamingOneProxyTunnelOnceToTheTarget() throws Exception {
        String json = "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
        try (SelfSignedTls tls = new SelfSignedTls(temp, json); AuthProxy proxy = new AuthProxy(0, "proxy-user", "pw-2")) {
            String url = "http://proxy-user:pw-2@127.0.0.1:" + proxy.port();
            List<ProxyRoute> routes = io.github.oauthtoken.core.http.ProxyEnvironment.routes(
                    Map.of("HTTPS_PROXY", url, "HTTP_PROXY", url, "NO_PROXY", "localhost,.internal.example")::get,
                    new Redactor());

            Obtained result = within(Duration.ofSeconds(20),
                    () -> fetch(tls.url(AuthProxy.PROXIED_HOST), trustingTls(tls, routes)));

            assertThat(result.token()).isEqualTo(TOKEN);
            assertOneTunnelTo(proxy, tls);
        }
    }

    private static final String TRUST_PASSWORD_HINT = "<trustStoreServerId>";

    private HttpSettings trusting(Path store, String type, String password) {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES,
                retries(3, Duration.ofSeconds(60)),
                new TrustSettings(store, type, password == null ? null : Secret.of(password)), List.of());
    }

    private Path store(String name, String type, String password, java.security.cert.Certificate... certificates)
            throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance(type);
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("ca-" + i, certificates[i]);
        }
        Path file = temp.resolve(name);
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static String tokenJson() {
        return "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}";
    }

    @Test
    void aPasswordProtectedPkcs12TrustStoreGivenWithoutItsPasswordFailsBeforeConnectingSayingHowToGiveIt()
            throws Exception {
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson())) {
            assertFails(Duration.ofSeconds(20), () -> fetch(tls.url(), trusting(tls.trustStore, "PKCS12", null)),
                    "<trustStore> " + tls.trustStore + " holds no certificate to trust",
                    "a PKCS12 store shows none without its password", TRUST_PASSWORD_HINT,
                    "a settings.xml <server> whose <password> opens the store");
            assertThat(tls.connections()).as("connections the server saw").isZero();
        }
    }

    @Test
    void aTrustStoreWithTheWrongPasswordFailsBeforeConnecting() throws Exception {
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson())) {
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(tls.url(), trusting(tls.trustStore, "PKCS12", "wrong-store-pass")),
                    "<trustStore> " + tls.trustStore + " could not be opened: the password does not open it",
                    TRUST_PASSWORD_HINT);
            assertThat(tls.connections()).isZero();
            assertThat(log.all()).doesNotContain("wrong-store-pass");
        }
    }

    @Test
    void aFileThatIsNoTrustStoreOfItsTypeFailsBeforeConnecting() throws Exception {
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson())) {
            Path garbage = temp.resolve("garbage.p12");
            java.nio.file.Files.write(garbage, "-----BEGIN CERTIFICATE-----\nnot a key store\n".getBytes());

            assertFails(Duration.ofSeconds(20), () -> fetch(tls.url(), trusting(garbage, "PKCS12", null)),
                    "<trustStore> " + garbage + " could not be read as a PKCS12 store (", "<trustStoreType>",
                    TRUST_PASSWORD_HINT);
            assertFails(Duration.ofSeconds(20), () -> fetch(tls.url(), trusting(garbage, "JKS", "changeit")),
                    "<trustStore> " + garbage + " could not be read as a JKS store (");
            assertThat(tls.connections()).isZero();
        }
    }

    @Test
    void anEmptyTrustStoreFailsBeforeConnecting() throws Exception {
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson())) {
            Path empty = store("empty.p12", "PKCS12", "store-pass-1");

            assertFails(Duration.ofSeconds(20), () -> fetch(tls.url(), trusting(empty, "PKCS12", "store-pass-1")),
                    "<trustStore> " + empty + " holds no certificate to trust", TRUST_PASSWORD_HINT);
            assertThat(tls.connections()).isZero();
        }
    }

    @Test
    void aJksTrustStoreNamedPkcs12IsReadAsTheJdkReadsBothFormatsEitherWay() throws Exception {
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson())) {
            Path jks = store("trust.jks", "JKS", "store-pass-2", tls.certificate);

            Obtained withoutPassword = within(Duration.ofSeconds(20),
                    () -> fetch(tls.url(), trusting(jks, "PKCS12", null)));

            assertThat(withoutPassword.token()).isEqualTo(TOKEN);
        }
    }

    @Test
    void anUntrustedServerFailsAfterExactlyOneAttempt() throws Exception {
        Path otherDirectory = java.nio.file.Files.createDirectory(temp.resolve("other"));
        try (SelfSignedTls tls = new SelfSignedTls(temp, tokenJson());
                SelfSignedTls other = new SelfSignedTls(otherDirectory, tokenJson())) {
            // A trust store that opens fine but holds another server's certificate, then the JVM's default CAs.
            assertFails(Duration.ofSeconds(20),
                    () -> fetch(tls.url(), trusting(other.trustStore, "PKCS12", SelfSignedTls.STORE_PASSWORD)),
                    "Token request (POST " + tls.url() + ") failed: the TLS handshake with localhost failed",
                    "<trustStore>");
            assertThat(tls.connections()).as("connections the server saw").isEqualTo(1);

            assertFails(Duration.ofSeconds(20),
                    () -> fetch(tls.url(), http(retries(3, Duration.ofSeconds(60)), Duration.ofSeconds(30))),
                    "Token request (POST " + tls.url() + ") failed: the TLS handshake with localhost failed");
            assertThat(tls.connections()).as("connections the server saw").isEqualTo(2);
            assertThat(warnings()).isZero();
        }
    }

    // --- server text that tries to write into the CI's command channel (issue 10) ---------------------------------

    private static final String HOSTILE = InertText.HOSTILE_IN_JSON;

    /**
     * The failure as the core reports it, unredacted: no secret, nothing a runner would act on, in the message or in
     * any log line.
     */
    private String hostileFailure(ProviderKind kind, FaultServer server, int retries) {
        TokenException failure = catchThrowableOfType(() -> fetchUnredacted(kind, server.url("/oauth/token"),
                http(retries(retries, Duration.ofSeconds(60)), Duration.ofSeconds(30))), TokenException.class);
        assertThat(failure).as("the fetch fails").isNotNull();
        String message = failure.getMessage();
        assertThat(message).doesNotContain(SECRET).doesNotContain(TOKEN);
        assertInert(message);
        log.lines().forEach(InertText::assertInert);
        assertThat(log.all()).doesNotContain(SECRET).doesNotContain(TOKEN);
        return message;
    }

    private static void assertReadable(String message) {
        assertThat(message).contains(InertText.HOSTILE_WORDS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"error_description", "description", "errorDescription"})
    void aHostileErrorDescriptionInEachShapeStaysOnOneInertLine(String member) throws Exception {
        try (FaultServer server = new FaultServer(json(400, "{\"error\":\"invalid_client\",\"" + member + "\":\""
                + HOSTILE + "\"}"))) {
            String message = hostileFailure(ProviderKind.GENESYS, server, 0);

            assertThat(message).contains("HTTP 400, error invalid_client (");
            assertReadable(message);
        }
    }

    @Test
    void aHostileErrorCodeStaysOnOneInertLine() throws Exception {
        try (FaultServer server = new FaultServer(json(400, "{\"error\":\"" + HOSTILE + "\"}"))) {
            assertReadable(hostileFailure(ProviderKind.OAUTH2, server, 0));
        }
    }

    @Test
    void aHostileTokenTypeStaysOnOneInertLine() throws Exception {
        try (FaultServer server = new FaultServer(json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\""
                + HOSTILE + "\",\"expires_in\":3600}"))) {
            String message = hostileFailure(ProviderKind.OAUTH2, server, 0);

            assertThat(message).contains("only hands on bearer tokens");
            assertReadable(message);
        }
    }

    @Test
    void aHostileMemberNameStaysOnOneInertLine() throws Exception {
        try (FaultServer server = new FaultServer(json(200, "{\"" + HOSTILE + "\":1,\"token_type\":\"bearer\"}"))) {
            String message = hostileFailure(ProviderKind.OAUTH2, server, 0);

            assertThat(message).contains("has no access_token (members present: ");
            assertReadable(message);
        }
    }

    @Test
    void aHostileHtmlBodyOn200IsQuotedOnOneInertLine() throws Exception {
        String html = "<html>\n::stop-commands::x\n##vso[task.setvariable variable=MAVEN_OPTS]-Devil\n##[group]x</html>";
        try (FaultServer server = new FaultServer(respond(200, "text/html", html))) {
            String message = hostileFailure(ProviderKind.OAUTH2, server, 0);

            assertThat(message).contains("is not a JSON object (HTTP 200, Content-Type 'text/html', body starts: <html> "
                    + "::stop-commands::x # #vso[task.setvariable variable=MAVEN_OPTS]-Devil # #[group]x</html>)");
        }
    }

    @Test
    void aHostileContentTypeHeaderStaysOnOneInertLine() throws Exception {
        try (FaultServer server = new FaultServer(respond(502,
                "text/html\u0085::stop-commands::x ##vso[task.setvariable variable=MAVEN_OPTS]-Devil", "oops"))) {
            String message = hostileFailure(ProviderKind.OAUTH2, server, 0);

            assertThat(message).contains("HTTP 502", "text/html", "vso[task.setvariable variable=MAVEN_OPTS]-Devil");
        }
    }

    @Test
    void aHostileLocationHeaderStaysOnOneInertLine() throws Exception {
        // java.net.URI only lets a plain host name through, which is all the message names; this keeps it that way.
        try (FaultServer server = new FaultServer(respond(302, null, "",
                "Location: http://::stop-commands::x/##vso[task.setvariable variable=MAVEN_OPTS]-Devil"),
                respond(302, null, "", "Location: ##[group]x"))) {
            assertThat(hostileFailure(ProviderKind.OAUTH2, server, 0)).contains("redirect (HTTP 302) to an unparseable location");
            assertThat(hostileFailure(ProviderKind.OAUTH2, server, 0)).contains("redirect (HTTP 302) to an unparseable location");
        }
    }

    /** Jetty quotes the status line (reason phrase included) in the exception of a response cut short. */
    @Test
    void aHostileReasonPhraseOfATruncatedResponseStaysOnOneInertLine() throws Exception {
        FaultServer.Step truncated = (socket, out) -> {
            out.write(("HTTP/1.1 200 ##vso[task.setvariable variable=MAVEN_OPTS]-Devil ::stop-commands::x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.close();
        };
        try (FaultServer server = new FaultServer(truncated)) {
            String message = hostileFailure(ProviderKind.OAUTH2, server, 1);

            assertThat(message).contains("failed after 2 attempts", "before a complete response arrived");
            assertThat(warnings()).isEqualTo(1);
        }
    }
}
