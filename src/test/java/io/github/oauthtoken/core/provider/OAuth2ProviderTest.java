package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.ClientAuthentication;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.text.InertText;
import io.github.oauthtoken.core.token.JwtClaims;
import io.github.oauthtoken.core.token.TokenResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Any OAuth 2.0 server: the real mock-oauth2-server for the happy paths, tiny stubs for discovery's edge cases. */
class OAuth2ProviderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CLIENT_ID = "ci-client";
    private static final String SECRET = "oauth2-SECRET-3e";
    private static final String ORIGIN = "environment variables OAUTH_CLIENT_ID / OAUTH_CLIENT_SECRET";

    private final RecordingBuildLog log = new RecordingBuildLog();
    private final Redactor redactor = new Redactor();
    private final HttpTransport http = new HttpTransport(
            TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
            BuildLog.SILENT);

    @AfterEach
    void closeTransport() {
        http.close();
    }

    private OAuth2Provider provider(String issuer, String tokenUrl, String scope, String audience,
            ClientAuthentication auth, boolean verify) {
        ProviderSettings settings = ProviderSettings.builder().issuer(issuer).tokenUrl(tokenUrl).scope(scope).audience(audience).clientAuth(auth).verify(verify).build();
        return new OAuth2Provider(new ProviderContext(settings, http, redactor, log, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private OAuth2Provider provider(String issuer) {
        return provider(issuer, null, null, null, ClientAuthentication.BASIC, false);
    }

    private static Credentials credentials() {
        return new Credentials(new ClientCredentials(CLIENT_ID, Secret.of(SECRET), ORIGIN), Optional.empty());
    }

    @Nested
    class AgainstMockOAuth2Server {
        private final MockOAuth2Server server = new MockOAuth2Server();

        AgainstMockOAuth2Server() {
            server.start();
        }

        @AfterEach
        void shutdown() {
            server.shutdown();
        }

        /** The next {@code count} requests the server received, in order. */
        private List<RecordedRequest> take(int count) {
            List<RecordedRequest> requests = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                requests.add(server.takeRequest(5, TimeUnit.SECONDS));
            }
            return requests;
        }

        @Test
        void discoversThroughTheIssuerSendsTheScopeAndHonoursExpiresIn() throws Exception {
            server.enqueueCallback(new DefaultOAuth2TokenCallback("default", CLIENT_ID, "JWT", List.of("orders-api"),
                    Map.of(), 123L));
            String issuer = server.issuerUrl("default").toString();
            String base = "http://" + server.issuerUrl("default").host() + ":" + server.issuerUrl("default").port();

            TokenResult result = provider(issuer, null, "orders:read", null, ClientAuthentication.BASIC, false)
                    .fetch(credentials());

            List<RecordedRequest> requests = take(3);
            // RFC 8414 first (mock-oauth2-server does not serve the inserted path), then OpenID Connect discovery.
            assertThat(requests).extracting(r -> r.getMethod() + " " + r.getPath()).containsExactly(
                    "GET /.well-known/oauth-authorization-server/default",
                    "GET /default/.well-known/openid-configuration",
                    "POST /default/token");
            RecordedRequest token = requests.get(2);
            assertThat(token.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
            assertThat(token.getBody().readUtf8()).isEqualTo("grant_type=client_credentials&scope=orders%3Aread");

            assertThat(result.tokenEndpoint()).isEqualTo(URI.create(base + "/default/token"));
            Map<String, Object> claims = JwtClaims.parse(result.token().value().reveal()).orElseThrow();
            assertThat(claims).containsEntry("iss", issuer).containsEntry("sub", CLIENT_ID);
            assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(123);
            // The server sends expires_in = seconds from its own "now" to exp (whole seconds), so 123 or, a fraction of
            // a second later, 122. The plugin takes it from expires_in (not the JWT) and counts from its own clock.
            assertThat(result.token().expiresInSource()).isEqualTo("expires_in");
            assertThat(result.token().expiresIn()).isIn(122L, 123L);
            assertThat(result.token().expiresAt()).isEqualTo(NOW.plusSeconds(result.token().expiresIn()));
            assertThat(result.extras()).isEmpty();
            assertThat(log.at("DEBUG")).contains("Discovered the server metadata at " + base
                    + "/default/.well-known/openid-configuration");
            assertThat(log.all()).doesNotContain(SECRET).doesNotContain(result.token().value().reveal());
        }

        @Test
        void clientSecretPostPutsTheCredentialsInTheBodyAndTheServerAcceptsThem() throws Exception {
            String issuer = server.issuerUrl("default").toString();

            TokenResult result = provider(issuer, null, null, null, ClientAuthentication.POST, false).fetch(credentials());

            RecordedRequest token = take(3).get(2);
            assertThat(token.getPath()).isEqualTo("/default/token");
            assertThat(token.getHeader("Authorization")).isNull();
            assertThat(token.getBody().readUtf8())
                    .isEqualTo("grant_type=client_credentials&client_id=ci-client&client_secret=oauth2-SECRET-3e");
            assertThat(result.token().value().reveal().split("\\.")).hasSize(3);
        }

        @Test
        void verifyIntrospectsTheNewTokenAtTheDiscoveredEndpoint() throws Exception {
            String issuer = server.issuerUrl("default").toString();

            TokenResult result = provider(issuer, null, null, null, ClientAuthentication.BASIC, true).fetch(credentials());

            RecordedRequest introspection = take(4).get(3);
            assertThat(introspection.getMethod() + " " + introspection.getPath()).isEqualTo("POST /default/introspect");
            assertThat(introspection.getBody().readUtf8()).isEqualTo("token=" + result.token().value().reveal()
                    + "&token_type_hint=access_token");
            assertThat(log.at("DEBUG")).contains("The introspection endpoint reports the token as active.");
        }
    }

    @Nested
    class AgainstStubs {
        private final StubHttpServer stub = new StubHttpServer();

        @AfterEach
        void stop() {
            stub.close();
        }

        private String metadata(String issuer) {
            return "{\"issuer\":\"" + issuer + "\",\"token_endpoint\":\"" + stub.url() + "/realm/token\"}";
        }

        private void issuesTokens() {
            stub.onJson("/realm/token", 200, "{\"access_token\":\"stub-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}");
        }

        @Test
        void metadataOfAnotherIssuerIsRejectedAndItsTokenEndpointNeverCalled() {
            String issuer = stub.url() + "/realm";
            stub.onJson("/.well-known/oauth-authorization-server/realm", 200, metadata("https://evil.example"));
            issuesTokens();

            assertThatThrownBy(() -> provider(issuer).fetch(credentials()))
                    .isInstanceOf(TokenException.class)
                    .hasMessage("The metadata at " + stub.url() + "/.well-known/oauth-authorization-server/realm belongs to "
                            + "issuer https://evil.example, not to the configured <issuer> " + issuer + ". Set <issuer> to "
                            + "exactly the server's issuer identifier.");
            assertThat(stub.requests("/realm/token")).isEmpty();
        }

        @Test
        void theOidcFallbackIsCheckedForItsIssuerToo() {
            String issuer = stub.url() + "/realm";
            stub.onJson("/realm/.well-known/openid-configuration", 200, metadata(stub.url() + "/other-realm"));
            issuesTokens();

            assertThatThrownBy(() -> provider(issuer).fetch(credentials()))
                    .hasMessageContaining("belongs to issuer " + stub.url() + "/other-realm, not to the configured <issuer>");
            assertThat(stub.requests("/realm/token")).isEmpty();
        }

        @Test
        void rfc8414MetadataAtTheInsertedPathIsUsedWithoutTryingOidc() throws TokenException {
            // A trailing slash on either side does not make a different issuer.
            stub.onJson("/.well-known/oauth-authorization-server/realm", 200, metadata(stub.url() + "/realm"));
            issuesTokens();

            TokenResult result = provider(stub.url() + "/realm/").fetch(credentials());

            assertThat(stub.requests()).extracting(StubHttpServer.Request::path)
                    .containsExactly("/.well-known/oauth-authorization-server/realm", "/realm/token");
            assertThat(result.tokenEndpoint()).isEqualTo(URI.create(stub.url() + "/realm/token"));
        }

        @Test
        void anIssuerWithoutAPathHasItsMetadataAtTheRoot() throws TokenException {
            stub.onJson("/.well-known/oauth-authorization-server", 200, metadata(stub.url() + "/"));
            issuesTokens();

            provider(stub.url()).fetch(credentials());

            assertThat(stub.requests().get(0).path()).isEqualTo("/.well-known/oauth-authorization-server");
        }

        @Test
        void noMetadataAtEitherPlaceSaysWhereItLooked() {
            String issuer = stub.url() + "/realm";

            assertThatThrownBy(() -> provider(issuer).fetch(credentials()))
                    .hasMessage("Discovery found no metadata for <issuer> " + issuer + ": both " + stub.url()
                            + "/.well-known/oauth-authorization-server/realm and " + issuer + "/.well-known/openid-configuration"
                            + " answered with a 4xx status. Check <issuer>, or set <tokenUrl>.");
            assertThat(stub.requests()).hasSize(2);
        }

        @Test
        void metadataWithoutATokenEndpointIsReported() {
            stub.onJson("/.well-known/oauth-authorization-server/realm", 200, "{\"issuer\":\"" + stub.url() + "/realm\"}");

            assertThatThrownBy(() -> provider(stub.url() + "/realm").fetch(credentials()))
                    .hasMessage("The metadata at " + stub.url() + "/.well-known/oauth-authorization-server/realm has no "
                            + "token_endpoint.");
        }

        @Test
        void aConfiguredTokenUrlNeedsNoDiscoveryAndCarriesScopeAndAudience() throws TokenException {
            issuesTokens();

            TokenResult result = provider(null, stub.url() + "/realm/token", "a b", "api://orders",
                    ClientAuthentication.BASIC, false).fetch(credentials());

            assertThat(stub.requests()).hasSize(1);
            assertThat(stub.requests().get(0).body())
                    .isEqualTo("grant_type=client_credentials&scope=a+b&audience=api%3A%2F%2Forders");
            assertThat(result.token().type()).isEqualTo("Bearer");
            assertThat(result.token().expiresIn()).isEqualTo(300);
        }

        @Test
        void keycloaksUnauthorizedClientForAWrongSecretGetsBothReadingsInTheHint() {
            stub.onJson("/realm/token", 401, "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client "
                    + "or Invalid client credentials\"}");

            assertThatThrownBy(() -> provider(null, stub.url() + "/realm/token", null, null, ClientAuthentication.BASIC,
                    false).fetch(credentials()))
                    .hasMessage("Token request (POST " + stub.url() + "/realm/token) was refused: HTTP 401, error "
                            + "unauthorized_client (Invalid client or Invalid client credentials). Hint: the client "
                            + "credentials grant is not enabled for this OAuth client; enable it in the client's settings on "
                            + "the server (some servers, such as Keycloak, also answer a wrong secret this way: then check "
                            + "the client id and secret in " + ORIGIN + ").");
        }

        @Test
        void aHostileIssuerInTheMetadataIsQuotedNeutralised() {
            String issuer = stub.url() + "/realm";
            stub.onJson("/.well-known/oauth-authorization-server/realm", 200, "{\"issuer\":\""
                    + InertText.HOSTILE_IN_JSON + "\",\"token_endpoint\":\"" + stub.url() + "/realm/token\"}");

            assertThatThrownBy(() -> provider(issuer).fetch(credentials()))
                    .hasMessageContaining("belongs to issuer bad ::stop-commands::x # #vso[task.setvariable "
                            + "variable=MAVEN_OPTS]-Devil, not to the configured <issuer>")
                    .satisfies(e -> InertText.assertInert(e.getMessage()));
        }

        @Test
        void aHostileIntrospectionAnswerIsQuotedNeutralised() {
            String issuer = stub.url() + "/realm";
            stub.onJson("/.well-known/oauth-authorization-server/realm", 200, "{\"issuer\":\"" + issuer
                    + "\",\"token_endpoint\":\"" + stub.url() + "/realm/token\",\"introspection_endpoint\":\""
                    + stub.url() + "/realm/introspect\"}");
            issuesTokens();
            stub.onJson("/realm/introspect", 200, "{\"active\":\"" + InertText.HOSTILE_IN_JSON + "\"}");

            assertThatThrownBy(() -> provider(issuer, null, null, null, ClientAuthentication.BASIC, true).fetch(credentials()))
                    .hasMessageContaining("not active (active: bad ::stop-commands::x # #vso[task.setvariable "
                            + "variable=MAVEN_OPTS]-Devil)")
                    .satisfies(e -> InertText.assertInert(e.getMessage()))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("stub-token-1"));
        }

        @Test
        void aDiscoveryDocumentThatIsNotJsonIsQuotedNeutralised() {
            stub.on("/.well-known/oauth-authorization-server/realm", request -> new StubHttpServer.Response(200,
                    Map.of("Content-Type", "text/html ##vso[task.complete]"), "<html>\n::stop-commands::x\n</html>"));

            assertThatThrownBy(() -> provider(stub.url() + "/realm").fetch(credentials()))
                    .hasMessage("Discovery (GET " + stub.url() + "/.well-known/oauth-authorization-server/realm) did not "
                            + "return a JSON object (Content-Type 'text/html # #vso[task.complete]'); body starts: "
                            + "<html> ::stop-commands::x </html>.")
                    .satisfies(e -> InertText.assertInert(e.getMessage()));
        }

        @Test
        void neitherTokenUrlNorIssuerIsAConfigurationError() {
            assertThatThrownBy(() -> provider(null).fetch(credentials()))
                    .hasMessage("Provider oauth2 needs <tokenUrl> (the token endpoint) or <issuer> (to discover it from "
                            + "/.well-known/oauth-authorization-server or /.well-known/openid-configuration).");
        }
    }
}
