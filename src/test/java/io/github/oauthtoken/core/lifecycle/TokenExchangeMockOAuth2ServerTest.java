package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.JwtClaims;
import io.github.oauthtoken.testservers.CiIdentityIssuer;
import io.github.oauthtoken.testservers.TestKeyStores.KeyKind;
import io.github.oauthtoken.testservers.TestKeyStores;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8693 token exchange against a third-party server, mock-oauth2-server, which wants a private_key_jwt client
 * assertion of the right shape for it (it checks no signature; {@code SecretlessLifecycleTest} does that against
 * a verifying server).
 */
class TokenExchangeMockOAuth2ServerTest {
    private static final String PASSWORD = "exchange-store-PASS-3";

    @TempDir
    Path dir;
    private final MockOAuth2Server server = new MockOAuth2Server();
    private final CiIdentityIssuer ci = new CiIdentityIssuer(0, null);

    @AfterEach
    void stop() {
        server.shutdown();
        ci.close();
    }

    @Test
    void theIdentityTokenIsExchangedWithAPrivateKeyJwtClient() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        Path keyStore = TestKeyStores.create(dir.resolve("client.p12"), "PKCS12", KeyKind.RSA, "client", PASSWORD);
        String subjectToken = ci.gitLabToken("https://mock.example", Duration.ofMinutes(5));
        TestExecution module = new TestExecution("it:exchange:1").server("keys", null, PASSWORD)
                .env("GITLAB_CI", "true", "OAUTH_ID_TOKEN", subjectToken);
        String issuer = server.issuerUrl("default").toString().replaceAll("/$", "");

        new TokenLifecycle(new Redactor(), EndOfBuild.NEVER, Clock.systemUTC()).fetch(MapParameters.of()
                .with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.ISSUER, issuer).with(Parameter.RETRIES, 0).with(Parameter.IDENTITY_TOKEN, "auto")
                .with(Parameter.GRANT, "token-exchange").with(Parameter.AUDIENCE, "api://orders")
                .with(Parameter.CLIENT_AUTH, "private_key_jwt").with(Parameter.CLIENT_ID, "ci-exchanger")
                .with(Parameter.KEY_STORE, keyStore).with(Parameter.KEY_STORE_SERVER_ID, "keys")
                , module);

        String token = module.properties.getProperty("oauth.token");
        Map<String, Object> claims = JwtClaims.parse(token).orElseThrow();
        // mock-oauth2-server keeps the subject token's subject and issues for the audience asked for.
        assertThat(claims).containsEntry("sub", CiIdentityIssuer.GITLAB_SUBJECT);
        assertThat(String.valueOf(claims.get("aud"))).contains("api://orders");
        RecordedRequest request = server.takeRequest();
        while (!request.getPath().endsWith("/token")) {
            request = server.takeRequest();
        }
        String body = request.getBody().readUtf8();
        assertThat(body).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange")
                .contains("subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt")
                .contains("client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer");
        assertThat(module.log.all()).doesNotContain(subjectToken).doesNotContain(token).doesNotContain(PASSWORD);
    }
}
