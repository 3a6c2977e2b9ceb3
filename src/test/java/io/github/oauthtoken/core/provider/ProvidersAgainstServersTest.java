package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.credentials.AccessKey;
import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.testservers.CxoneSimulator;
import io.github.oauthtoken.testservers.GenesysSimulator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;

/** Each provider end to end against its loopback server: the simulators, and the real mock-oauth2-server. */
class ProvidersAgainstServersTest {
    private static final String SECRET = "provider-test-secret-1";
    private final Redactor redactor = new Redactor();

    private ProviderSettings settings(String issuer, String tokenUrl, String apiUrl, boolean verify) {
        return ProviderSettings.builder().issuer(issuer).tokenUrl(tokenUrl).apiUrl(apiUrl).scope("orders:read").verify(verify).build();
    }

    private ProviderContext context(ProviderSettings settings, HttpTransport http) {
        return new ProviderContext(settings, http, redactor, BuildLog.SILENT, Clock.systemUTC());
    }

    private static HttpTransport http() {
        return new HttpTransport(TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES), BuildLog.SILENT);
    }

    private static Credentials client(String id) {
        return new Credentials(new ClientCredentials(id, Secret.of(SECRET), "test variables"), Optional.empty());
    }

    private static int status(String url, String method, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void genesysFetchesVerifiesAndRevokes() throws Exception {
        try (GenesysSimulator genesys = new GenesysSimulator(0, null,
                Map.of("client-a", new GenesysSimulator.Client(SECRET, true, 86399)));
                HttpTransport http = http()) {
            String base = "http://127.0.0.1:" + genesys.port();
            GenesysProvider provider = new GenesysProvider(context(settings(null, base + "/oauth/token", base, true), http));

            TokenResult result = provider.fetch(client("client-a"));

            assertThat(result.token().type()).isEqualTo("bearer");
            assertThat(result.token().expiresIn()).isEqualTo(86399);
            assertThat(result.extras()).containsEntry("organizationId", "0a1b2c3d-org");
            String token = result.token().value().reveal();
            assertThat(status(base + "/api/v2/tokens/me", "GET", token)).isEqualTo(200);

            assertThat(provider.revoke(result.token(), client("client-a"))).isTrue();
            assertThat(status(base + "/api/v2/tokens/me", "GET", token)).isEqualTo(401);
        }
    }

    @Test
    void genesysWithoutTheGrantSaysSo() throws Exception {
        try (GenesysSimulator genesys = new GenesysSimulator(0, null,
                Map.of("no-grant", new GenesysSimulator.Client(SECRET, false, 86399)));
                HttpTransport http = http()) {
            String base = "http://127.0.0.1:" + genesys.port();
            GenesysProvider provider = new GenesysProvider(context(settings(null, base + "/oauth/token", base, false), http));

            assertThatThrownBy(() -> provider.fetch(client("no-grant")))
                    .hasMessageContaining("HTTP 400, error unauthorized_client")
                    .hasMessageContaining("client credentials grant is not enabled");
        }
    }

    @Test
    void cxoneDiscoversAuthenticatesTheAccessKeyAndFindsTheTenant() throws Exception {
        try (CxoneSimulator cxone = new CxoneSimulator(0, null, "app", SECRET, Map.of("key-id", "key-secret"));
                HttpTransport http = http()) {
            String issuer = "http://127.0.0.1:" + cxone.port();
            CxoneProvider provider = new CxoneProvider(context(settings(issuer, null, null, false), http));
            Credentials credentials = new Credentials(new ClientCredentials("app", Secret.of(SECRET), "server 'app'"),
                    Optional.of(new AccessKey("key-id", Secret.of("key-secret"), "server 'key'")));

            TokenResult result = provider.fetch(credentials);

            assertThat(result.tokenEndpoint().toString()).isEqualTo(issuer + "/auth/token");
            assertThat(result.extras()).containsEntry("tenantId", CxoneSimulator.TENANT_ID)
                    .containsEntry("apiEndpoint", issuer + "/tenants/" + CxoneSimulator.TENANT_ID);
            assertThat(provider.revoke(result.token(), credentials)).isFalse();

            Credentials wrongKey = new Credentials(credentials.client(),
                    Optional.of(new AccessKey("key-id", Secret.of("wrong-key"), "server 'key'")));
            assertThatThrownBy(() -> provider.fetch(wrongKey))
                    .hasMessageContaining("HTTP 400, error invalid_grant (Invalid access key)")
                    .hasMessageContaining("check the access key id and secret in server 'key'");
        }
    }

    @Test
    void oauth2DiscoversTheRealServerIntrospectsAndRevokes() throws Exception {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        try (HttpTransport http = http()) {
            String issuer = server.issuerUrl("default").toString();
            OAuth2Provider provider = new OAuth2Provider(context(settings(issuer, null, null, true), http));

            TokenResult result = provider.fetch(client("any-client"));

            assertThat(result.token().value().reveal().split("\\.")).hasSize(3);
            assertThat(result.token().expiresIn()).isPositive();
            assertThat(result.tokenEndpoint().toString()).isEqualTo(issuer.replaceAll("/$", "") + "/token");
            // mock-oauth2-server revokes refresh tokens only, and says so the RFC 7009 way.
            assertThatThrownBy(() -> provider.revoke(result.token(), client("any-client")))
                    .hasMessageContaining("HTTP 400, error unsupported_token_type")
                    .hasMessageContaining("does not revoke access tokens");
        } finally {
            server.shutdown();
        }
    }

    @Test
    void oauth2RefusesMetadataOfAnotherIssuer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"issuer\":\"https://evil.example\",\"token_endpoint\":\"https://evil.example/token\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (HttpTransport http = http()) {
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realm";
            OAuth2Provider provider = new OAuth2Provider(context(settings(issuer, null, null, false), http));

            assertThatThrownBy(() -> provider.fetch(client("any-client")))
                    .hasMessageContaining("belongs to issuer https://evil.example")
                    .hasMessageContaining("Set <issuer> to exactly the server's issuer identifier");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void oauth2NeedsATokenUrlOrAnIssuer() {
        try (HttpTransport http = http()) {
            OAuth2Provider provider = new OAuth2Provider(context(settings(null, null, null, false), http));

            assertThatThrownBy(() -> provider.fetch(client("x"))).hasMessageContaining("needs <tokenUrl>");
        }
    }
}
