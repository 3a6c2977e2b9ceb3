package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.SettableClock;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TestJwts;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.MinValidity;
import io.github.oauthtoken.core.token.TokenResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenFetcherTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String TOKEN = "fetched-TOKEN-61";

    private final StubHttpServer server = new StubHttpServer();
    private final Map<String, String> env = new HashMap<>(Map.of(
            "OAUTH_CLIENT_ID", "fetch-client", "OAUTH_CLIENT_SECRET", "fetch-SECRET-9"));
    private final Redactor redactor = new Redactor();
    private final RecordingBuildLog log = new RecordingBuildLog();
    private final CredentialResolver credentials = new CredentialResolver(id -> Optional.empty(), env::get, redactor);
    private final TokenFetcher fetcher = new TokenFetcher(redactor, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchRequest request(Duration minValidity, CacheMode cache, boolean offline) {
        ProviderSettings settings = ProviderSettings.builder().tokenUrl(server.url() + "/token").scope("read").build();
        CredentialRequest credentials = new CredentialRequest(null, ProviderKind.OAUTH2.defaultClientEnv(), false, null,
                new EnvPair("NICE_ACCESS_KEY_ID", "NICE_ACCESS_KEY_SECRET"));
        return new FetchRequest(ProviderKind.OAUTH2, settings, credentials,
                TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
                MinValidity.written(minValidity), cache, null, offline);
    }

    private FetchRequest request(Duration minValidity) {
        return request(minValidity, CacheMode.NONE, false);
    }

    private Credentials credentialsOf(FetchRequest request) throws TokenException {
        return credentials.resolve("oauth2", request.credentials());
    }

    private TokenResult fetch(FetchRequest request) throws TokenException {
        return fetcher.fetch(request, credentialsOf(request), log);
    }

    private CachedToken obtain(FetchRequest request) throws TokenException {
        Credentials credentials = credentialsOf(request);
        return fetcher.obtain(request, credentials, TokenFetcher.keyOf(request, credentials), log, token -> { });
    }

    private void issues(String members) {
        server.onJson("/token", 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\"" + members + "}");
    }

    @Test
    void fetchesWithTheCredentialsFromTheEnvironment() throws TokenException {
        issues(",\"expires_in\":3600");

        TokenResult result = fetch(request(Duration.ofMinutes(5)));

        assertThat(result.token().value().reveal()).isEqualTo(TOKEN);
        assertThat(result.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(server.requests("/token").get(0).header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("fetch-client:fetch-SECRET-9".getBytes(StandardCharsets.UTF_8)));
        assertThat(server.requests("/token").get(0).body()).isEqualTo("grant_type=client_credentials&scope=read");
    }

    @Test
    void aTokenShorterLivedThanMinValidityFailsWithBothNumbers() {
        issues(",\"expires_in\":300");

        assertThatThrownBy(() -> fetch(request(Duration.ofMinutes(10))))
                .isInstanceOf(TokenException.class)
                .hasMessage("The oauth2 token expires in 300 s (expires_in), less than <minValidity> of 600 s. Lower "
                        + "<minValidity>, or raise the token lifetime of the OAuth client on the server.")
                .message().doesNotContain(TOKEN);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theMessageSaysWhereTheLifetimeCameFrom() {
        String jwt = TestJwts.unsigned("{\"exp\":" + (NOW.getEpochSecond() + 120) + "}");
        server.onJson("/token", 200, "{\"access_token\":\"" + jwt + "\",\"token_type\":\"bearer\"}");

        assertThatThrownBy(() -> fetch(request(Duration.ofMinutes(5))))
                .hasMessageStartingWith("The oauth2 token expires in 120 s (jwt exp), less than <minValidity> of 300 s.");
    }

    @Test
    void aTokenThatLivesExactlyMinValidityIsAccepted() throws TokenException {
        issues(",\"expires_in\":600");

        assertThat(fetch(request(Duration.ofMinutes(10))).token().expiresIn()).isEqualTo(600);
    }

    @Test
    void missingCredentialsFailBeforeAnyRequest() {
        env.clear();

        assertThatThrownBy(() -> fetch(request(Duration.ZERO)))
                .hasMessageStartingWith("Missing credentials for provider oauth2. Looked at:\n"
                        + "  - environment variables OAUTH_CLIENT_ID (not set) and OAUTH_CLIENT_SECRET (not set)\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void offlineWithoutACachedTokenSaysHowToGoOnAndSendsNothing() {
        issues(",\"expires_in\":3600");

        assertThatThrownBy(() -> obtain(request(Duration.ofSeconds(60), CacheMode.SESSION, true)))
                .hasMessage("Maven runs offline (-o) and no cached oauth2 token is valid long enough to reuse (<minValidity> "
                        + "of 60 s); set <cache>file</cache> to reuse tokens across builds. Run once without -o, or skip "
                        + "this goal with "
                        + "-Doauth-token.skip=true.");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theSessionCacheServesTheSecondRequestOfABuild() throws TokenException {
        issues(",\"expires_in\":3600");

        CachedToken first = obtain(request(Duration.ofSeconds(60), CacheMode.SESSION, false));
        CachedToken second = obtain(request(Duration.ofSeconds(60), CacheMode.SESSION, false));

        assertThat(first.source()).isEqualTo(CachedToken.Source.FETCHED);
        assertThat(second.source()).isEqualTo(CachedToken.Source.THIS_BUILD);
        assertThat(second.result().token().value().reveal()).isEqualTo(TOKEN);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void theCacheKeyNamesTheTokenWithoutASecret() throws TokenException {
        FetchRequest request = request(Duration.ZERO);
        CacheKey key = TokenFetcher.keyOf(request, credentialsOf(request));

        assertThat(key).isEqualTo(new CacheKey("oauth2", server.url() + "/token", "fetch-client", "read", null, null));
        assertThat(key.describe() + key.hash()).doesNotContain("fetch-SECRET-9");
    }

    @Test
    void expiryCountsFromWhenTheRequestWasSentNotFromWhenTheAnswerCame() throws TokenException {
        // The stub server moves the clock forward while it handles the request.
        SettableClock clock = new SettableClock(NOW);
        server.on("/token", request -> {
            clock.now = NOW.plusSeconds(90); // the server took 90 s to answer
            return StubHttpServer.Response.json(200, "{\"access_token\":\"" + TOKEN
                    + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        });
        FetchRequest request = request(Duration.ZERO);

        TokenResult result = new TokenFetcher(redactor, clock).fetch(request, credentialsOf(request), log);

        assertThat(result.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }
}
