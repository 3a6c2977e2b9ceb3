package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.RetryPolicy;
import io.github.oauthtoken.core.http.TrustSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.InertText;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Genesys Cloud end to end against a tiny loopback stub (the full simulator is in testservers). */
class GenesysProviderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CLIENT_ID = "genesys-client-7";
    private static final String SECRET = "genesys-SECRET-9d1";
    private static final String TOKEN = "genesys-TOKEN-4b7";
    private static final String ORIGIN = "environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET";
    private static final String TOKENS_ME = "{\"organization\":{\"id\":\"org-1\",\"name\":\"Acme\"},"
            + "\"homeOrganization\":{\"id\":\"org-1\"},\"OAuthClient\":{\"id\":\"genesys-client-7\",\"name\":\"CI\","
            + "\"organization\":{\"id\":\"org-1\"}},\"authorizedScope\":[]}";

    private final StubHttpServer server = new StubHttpServer();
    private final RecordingBuildLog log = new RecordingBuildLog();
    private final Redactor redactor = new Redactor();
    /** Retries enabled (quickly), to show that a refusal is not retried. */
    private final HttpTransport http = new HttpTransport(new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30),
            HttpSettings.DEFAULT_MAX_BODY_BYTES, new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofMillis(1),
            Duration.ofMillis(1)), TrustSettings.JVM_DEFAULT, List.of()), BuildLog.SILENT);

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private GenesysProvider provider(String region, String tokenUrl, String apiUrl, boolean verify) {
        // A scope is configured on purpose: Genesys takes none, permissions come from the client's roles.
        ProviderSettings settings = ProviderSettings.builder().region(region).tokenUrl(tokenUrl).apiUrl(apiUrl).scope("users:read").verify(verify).build();
        return new GenesysProvider(new ProviderContext(settings, http, redactor, log, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private GenesysProvider provider(boolean verify) {
        return provider(null, server.url() + "/oauth/token", server.url(), verify);
    }

    private static Credentials credentials() {
        return new Credentials(new ClientCredentials(CLIENT_ID, Secret.of(SECRET), ORIGIN), Optional.empty());
    }

    private void issuesTokens() {
        server.onJson("/oauth/token", 200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":86399}");
    }

    private void assertNothingLeaked(String text) {
        assertThat(text).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void theTokenRequestIsClientCredentialsWithHttpBasicAndNothingElse() throws TokenException {
        issuesTokens();

        TokenResult result = provider(false).fetch(credentials());

        assertThat(server.requests()).hasSize(1);
        StubHttpServer.Request request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/oauth/token");
        assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(request.body()).isEqualTo("grant_type=client_credentials");

        assertThat(result.token().value().reveal()).isEqualTo(TOKEN);
        assertThat(result.token().type()).isEqualTo("bearer");
        assertThat(result.token().expiresIn()).isEqualTo(86399);
        assertThat(result.token().expiresAt()).isEqualTo(NOW.plusSeconds(86399));
        assertThat(result.tokenEndpoint()).isEqualTo(URI.create(server.url() + "/oauth/token"));
        assertThat(result.extras()).isEmpty();
        assertNothingLeaked(log.all());
    }

    @Test
    void verifyCallsTokensMeWithTheNewTokenAndPublishesTheOrganization() throws TokenException {
        issuesTokens();
        server.onJson("/api/v2/tokens/me", 200, TOKENS_ME);

        TokenResult result = provider(true).fetch(credentials());

        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("POST /oauth/token", "GET /api/v2/tokens/me");
        StubHttpServer.Request check = server.requests().get(1);
        assertThat(check.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(check.header("Accept")).isEqualTo("application/json");
        assertThat(check.body()).isEmpty();
        assertThat(result.extras()).containsExactly(java.util.Map.entry("organizationId", "org-1"));
        assertThat(log.at("DEBUG")).contains("Genesys Cloud accepted the token at GET " + server.url()
                + "/api/v2/tokens/me (organization org-1)");
        assertNothingLeaked(log.all());
    }

    @Test
    void aHostileOrganizationIdIsLoggedNeutralised() throws TokenException {
        issuesTokens();
        server.onJson("/api/v2/tokens/me", 200, "{\"organization\":{\"id\":\"" + InertText.HOSTILE_IN_JSON + "\"}}");

        provider(true).fetch(credentials());

        assertThat(log.at("DEBUG")).contains("Genesys Cloud accepted the token at GET " + server.url()
                + "/api/v2/tokens/me (organization bad ::stop-commands::x # #vso[task.setvariable variable=MAVEN_OPTS]-Devil)");
        log.lines().forEach(InertText::assertInert);
    }

    @Test
    void verifyWithoutAnOrganizationInTheAnswerPublishesNone() throws TokenException {
        issuesTokens();
        server.onJson("/api/v2/tokens/me", 200, "{\"authorizedScope\":[]}");

        assertThat(provider(true).fetch(credentials()).extras()).isEmpty();
    }

    @Test
    void aTokenTheApiRefusesPointsAtTheRegionWhateverShapeTheRefusalHas() {
        issuesTokens();
        // Genesys's API (unlike its login service) answers with its own error shape, not an OAuth error.
        server.onJson("/api/v2/tokens/me", 401,
                "{\"message\":\"Invalid login credentials.\",\"code\":\"bad.credentials\",\"status\":401}");

        assertThatThrownBy(() -> provider(true).fetch(credentials()))
                .isInstanceOf(TokenException.class)
                .hasMessage("Token check (GET " + server.url() + "/api/v2/tokens/me) failed: HTTP 401, Content-Type "
                        + "'application/json', body starts: {\"message\":\"Invalid login credentials.\",\"code\":"
                        + "\"bad.credentials\",\"status\":401}. Hint: Genesys Cloud did not accept the token it just issued; "
                        + "check that <apiUrl> or <region> matches the login region of the OAuth client.")
                .satisfies(e -> assertNothingLeaked(e.getMessage()));
    }

    @Test
    void aTokenCheckRefusedWithAnOAuthErrorGetsTheSameHint() {
        issuesTokens();
        server.onJson("/api/v2/tokens/me", 401, "{\"error\":\"invalid_token\",\"error_description\":\"expired\"}");

        assertThatThrownBy(() -> provider(true).fetch(credentials()))
                .hasMessage("Token check (GET " + server.url() + "/api/v2/tokens/me) was refused: HTTP 401, error "
                        + "invalid_token (expired). Hint: Genesys Cloud did not accept the token it just issued; check that "
                        + "<apiUrl> or <region> matches the login region of the OAuth client.");
    }

    @Test
    void wrongCredentialsGiveStatusCodeDescriptionAndTheHintNamingWhereTheyCameFrom() {
        server.onJson("/oauth/token", 400, "{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                + "\"error_description\":\"authentication failed\"}");

        assertThatThrownBy(() -> provider(true).fetch(credentials()))
                .isInstanceOf(TokenException.class)
                .hasMessage("Token request (POST " + server.url() + "/oauth/token) was refused: HTTP 400, error "
                        + "invalid_client (authentication failed). Hint: check the client id and secret in " + ORIGIN + ".")
                .satisfies(e -> assertNothingLeaked(e.getMessage()));
        // Not retried, and no token check without a token.
        assertThat(server.requests()).extracting(StubHttpServer.Request::path).containsExactly("/oauth/token");
    }

    @Test
    void aClientWithoutTheGrantIsToldToEnableIt() {
        server.onJson("/oauth/token", 400, "{\"error\":\"unauthorized_client\",\"description\":\"client is not "
                + "authorized to use grant type client_credentials\"}");

        assertThatThrownBy(() -> provider(false).fetch(credentials()))
                .hasMessageContaining("HTTP 400, error unauthorized_client (client is not authorized to use grant type "
                        + "client_credentials). Hint: the client credentials grant is not enabled for this OAuth client;");
    }

    @Test
    void withoutARegionOrTokenUrlItAsksForARegionBeforeSendingAnything() {
        assertThatThrownBy(() -> provider(null, null, null, false).fetch(credentials()))
                .hasMessage("Provider genesys needs a region: set <region> (for example eu_west_1 or mypurecloud.ie), or "
                        + "the environment variable GENESYS_REGION or GENESYSCLOUD_REGION. Looked at: <region>.");
        // verify needs the API host too, and finds out before spending a token request.
        assertThatThrownBy(() -> provider(null, server.url() + "/oauth/token", null, true).fetch(credentials()))
                .hasMessageStartingWith("Provider genesys needs a region");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnknownRegionIsReportedWithItsOrigin() {
        assertThatThrownBy(() -> provider("mars_north_1", null, null, false).fetch(credentials()))
                .hasMessageStartingWith("Unknown Genesys Cloud region 'mars_north_1' (from <region>). Valid regions: ");
    }

    @Test
    void aPlainHttpTokenUrlToAnotherHostIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider(null, "http://login.example.com/oauth/token", null, false).fetch(credentials()))
                .hasMessageStartingWith("<tokenUrl> uses plain http:// to login.example.com");
    }

    @Test
    void revokeDeletesTokensMeWithTheToken() throws TokenException {
        issuesTokens();
        server.on("/api/v2/tokens/me", r -> new StubHttpServer.Response(204, java.util.Map.of(), ""));
        GenesysProvider provider = provider(false);
        TokenResult result = provider.fetch(credentials());

        assertThat(provider.revoke(result.token(), credentials())).isTrue();

        StubHttpServer.Request revoke = server.requests("/api/v2/tokens/me").get(0);
        assertThat(revoke.method()).isEqualTo("DELETE");
        assertThat(revoke.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }
}
