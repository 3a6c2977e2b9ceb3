package io.github.oauthtoken.core.provider;

import static io.github.oauthtoken.core.TestJwts.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.AccessKey;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.TestHttpSettings;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** NICE CXone end to end against a tiny loopback stub (the full simulator is in testservers). */
class CxoneProviderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CLIENT_ID = "cxone-app";
    private static final String CLIENT_SECRET = "cxone-app-SECRET-1";
    private static final String KEY_ID = "AKIA-key-7";
    private static final String KEY_SECRET = "key+SECRET/=%2";
    private static final String TOKEN = "cxone-TOKEN-88";
    private static final String TENANT = "11eb0a9c-7b1d-4c3e-9f00-1234567890ab";
    private static final String CLIENT_ORIGIN = "environment variables NICE_CLIENT_ID / NICE_CLIENT_SECRET";
    private static final String KEY_ORIGIN = "environment variables NICE_ACCESS_KEY_ID / NICE_ACCESS_KEY_SECRET";

    private final StubHttpServer server = new StubHttpServer();
    private final RecordingBuildLog log = new RecordingBuildLog();
    private final Redactor redactor = new Redactor();
    private final HttpTransport http = new HttpTransport(
            TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
            BuildLog.SILENT);

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    private CxoneProvider provider(String tokenUrl, boolean verify) {
        ProviderSettings settings = ProviderSettings.builder().issuer(server.url()).tokenUrl(tokenUrl).verify(verify).build();
        return new CxoneProvider(new ProviderContext(settings, http, redactor, log, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private CxoneProvider provider() {
        return provider(null, false);
    }

    private static Credentials credentials() {
        return new Credentials(new ClientCredentials(CLIENT_ID, Secret.of(CLIENT_SECRET), CLIENT_ORIGIN),
                Optional.of(new AccessKey(KEY_ID, Secret.of(KEY_SECRET), KEY_ORIGIN)));
    }

    private void discovery() {
        server.onJson("/.well-known/openid-configuration", 200, "{\"issuer\":\"" + server.url() + "\",\"token_endpoint\":\""
                + server.url() + "/auth/token\",\"jwks_uri\":\"" + server.url() + "/auth/jwks\"}");
    }

    private void tokens(String idTokenClaims) {
        server.onJson("/auth/token", 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"refresh-1\"" + (idTokenClaims == null ? "" : ",\"id_token\":\"" + unsigned(idTokenClaims) + "\"")
                + "}");
    }

    private void tenants() {
        server.onJson("/.well-known/cxone-configuration", 200, "{\"tenantId\":\"" + TENANT + "\",\"area\":\"na1\","
                + "\"domain\":\"niceincontact.com\",\"api_endpoint\":\"https://api-na1.niceincontact.com\","
                + "\"ui_endpoint\":\"https://na1.nice-incontact.com\"}");
    }

    @Test
    void discoversTheTokenEndpointSendsThePasswordGrantAndLooksUpTheTenantsApiHost() throws TokenException {
        discovery();
        tokens("{\"tenantId\":\"" + TENANT + "\",\"icBUId\":4600123,\"icClusterId\":\"C47\"}");
        tenants();

        TokenResult result = provider().fetch(credentials());

        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path())
                .containsExactly("GET /.well-known/openid-configuration", "POST /auth/token",
                        "GET /.well-known/cxone-configuration");
        StubHttpServer.Request grant = server.requests().get(1);
        assertThat(grant.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(grant.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(grant.body()).isEqualTo("grant_type=password&username=AKIA-key-7&password=key%2BSECRET%2F%3D%252");
        assertThat(server.requests().get(2).query()).isEqualTo("tenantId=" + TENANT);

        assertThat(result.tokenEndpoint()).isEqualTo(URI.create(server.url() + "/auth/token"));
        assertThat(result.token().value().reveal()).isEqualTo(TOKEN);
        assertThat(result.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(result.extras()).containsExactly(Map.entry("tenantId", TENANT),
                Map.entry("apiEndpoint", "https://api-na1.niceincontact.com"));
        assertThat(log.at("WARN")).isEmpty();
        assertThat(log.all()).doesNotContain(TOKEN).doesNotContain(KEY_SECRET).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aConfiguredTokenUrlSkipsDiscovery() throws TokenException {
        tokens("{\"tenantId\":\"" + TENANT + "\"}");
        tenants();

        provider(server.url() + "/auth/token", false).fetch(credentials());

        assertThat(server.requests()).extracting(StubHttpServer.Request::path)
                .containsExactly("/auth/token", "/.well-known/cxone-configuration");
    }

    @Test
    void aHostileTenantIdClaimIsQuotedNeutralisedWhenTheTenantIsUnknown() {
        discovery();
        tokens("{\"tenantId\":\"" + InertText.HOSTILE_IN_JSON + "\"}");

        assertThatThrownBy(() -> provider().fetch(credentials()))
                .hasMessageStartingWith("CXone has no configuration for tenant bad ::stop-commands::x # #vso[task."
                        + "setvariable variable=MAVEN_OPTS]-Devil at ")
                .satisfies(e -> InertText.assertInert(e.getMessage()));
    }

    @Test
    void aNumericTenantIdClaimIsPublishedAsText() throws TokenException {
        discovery();
        tokens("{\"tenantId\":4600123}");
        tenants();

        assertThat(provider().fetch(credentials()).extras()).containsEntry("tenantId", "4600123");
        assertThat(server.requests("/.well-known/cxone-configuration").get(0).query()).isEqualTo("tenantId=4600123");
    }

    @Test
    void withoutAnIdTokenTenantThereIsAWarningAndNoTenantLookup() throws TokenException {
        discovery();
        tokens(null);

        TokenResult result = provider(null, true).fetch(credentials());

        assertThat(result.extras()).isEmpty();
        assertThat(log.at("WARN")).containsExactly("The CXone token response has no id_token with a tenantId claim, so the "
                + "properties tenantId and apiEndpoint are not set.");
        assertThat(log.at("DEBUG")).contains("CXone has no documented token check endpoint; the tenant lookup is the check.");
        assertThat(server.requests("/.well-known/cxone-configuration")).isEmpty();
    }

    @Test
    void aWrongAccessKeyGivesCxonesCamelCaseErrorAndTheAccessKeyHint() {
        discovery();
        server.onJson("/auth/token", 400, "{\"error\":\"invalid_grant\",\"errorDescription\":\"Invalid access key\"}");

        assertThatThrownBy(() -> provider().fetch(credentials()))
                .isInstanceOf(TokenException.class)
                .hasMessage("Token request (POST " + server.url() + "/auth/token) was refused: HTTP 400, error invalid_grant "
                        + "(Invalid access key). Hint: check the access key id and secret in " + KEY_ORIGIN + " (CXone answers "
                        + "invalid_grant when the access key is wrong, expired or disabled).")
                .message().doesNotContain(KEY_SECRET).doesNotContain(CLIENT_SECRET);
        assertThat(server.requests("/.well-known/cxone-configuration")).isEmpty();
    }

    @Test
    void aWrongClientGetsTheClientHintNamingTheClientsOrigin() {
        discovery();
        server.onJson("/auth/token", 401, "{\"error\":\"invalid_client\",\"errorDescription\":\"Invalid client\"}");

        assertThatThrownBy(() -> provider().fetch(credentials()))
                .hasMessageEndingWith("HTTP 401, error invalid_client (Invalid client). Hint: check the client id and "
                        + "secret in " + CLIENT_ORIGIN + ".");
    }

    @Test
    void missingDiscoveryPointsAtTheIssuer() {
        assertThatThrownBy(() -> provider().fetch(credentials()))
                .hasMessage("CXone discovery found no document at " + server.url() + "/.well-known/openid-configuration "
                        + "(a 4xx status). Check <issuer> (default https://cxone.niceincontact.com), or set <tokenUrl>.");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aDiscoveredTokenEndpointIsCheckedLikeAConfiguredOne() {
        server.onJson("/.well-known/openid-configuration", 200,
                "{\"token_endpoint\":\"http://cxone.evil.example/auth/token\"}");

        assertThatThrownBy(() -> provider().fetch(credentials()))
                .hasMessageStartingWith("token_endpoint from " + server.url() + "/.well-known/openid-configuration uses "
                        + "plain http:// to cxone.evil.example");
    }

    @Test
    void anUnknownTenantPointsAtTheGovernmentIssuer() {
        discovery();
        tokens("{\"tenantId\":\"" + TENANT + "\"}");

        assertThatThrownBy(() -> provider().fetch(credentials()))
                .hasMessage("CXone has no configuration for tenant " + TENANT + " at " + server.url()
                        + "/.well-known/cxone-configuration (a 4xx status). Check <issuer>: US government tenants use "
                        + "https://cxone-gov.niceincontact.com.");
    }

    @Test
    void revokeIsNotAvailableAndSaysSoWithoutSendingAnything() throws TokenException {
        discovery();
        tokens("{\"tenantId\":\"" + TENANT + "\"}");
        tenants();
        CxoneProvider provider = provider();
        TokenResult result = provider.fetch(credentials());
        int before = server.requests().size();

        assertThat(provider.revoke(result.token(), credentials())).isFalse();

        assertThat(server.requests()).hasSize(before);
        assertThat(log.at("WARN")).containsExactly("CXone documents no token revocation; the token (fingerprint "
                + result.token().fingerprint() + ") stays valid until " + NOW.plusSeconds(3600) + ".");
    }
}
