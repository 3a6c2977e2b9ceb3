package io.github.oauthtoken.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.credentials.ClientCredentials;
import io.github.oauthtoken.core.http.FormBody;
import io.github.oauthtoken.core.http.HttpCall;
import io.github.oauthtoken.core.http.HttpReply;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderBasicsTest {
    @ParameterizedTest
    @EnumSource(GenesysRegion.class)
    void everyRegionParsesByUnderscoreNameHyphenNameAndDomain(GenesysRegion region) throws Exception {
        assertThat(GenesysRegion.parse(region.regionName(), "<region>")).isEqualTo(region);
        assertThat(GenesysRegion.parse(region.regionName().replace('_', '-').toUpperCase(), "<region>")).isEqualTo(region);
        assertThat(GenesysRegion.parse(region.domain(), "<region>")).isEqualTo(region);
    }

    @Test
    void thereAre18RegionsAndAnUnknownOneListsThemAll() {
        assertThat(GenesysRegion.values()).hasSize(18);
        assertThat(GenesysRegion.EU_WEST_1.domain()).isEqualTo("mypurecloud.ie");
        assertThatThrownBy(() -> GenesysRegion.parse("eu_west_9", "environment variable GENESYS_REGION"))
                .hasMessageStartingWith("Unknown Genesys Cloud region 'eu_west_9' (from environment variable GENESYS_REGION)")
                .hasMessageContaining("us_east_1 (mypurecloud.com)")
                .hasMessageContaining("ap_northeast_3 (apne3.pure.cloud)");
    }

    @Test
    void providerNames() throws Exception {
        assertThat(ProviderKind.parse(" CXone ")).isEqualTo(ProviderKind.CXONE);
        assertThatThrownBy(() -> ProviderKind.parse(null)).hasMessageContaining("genesys, cxone, oauth2");
    }

    @Test
    void basicAuthenticationFormEncodesIdAndSecretBeforeBase64() {
        Redactor redactor = new Redactor();
        ClientCredentials client = new ClientCredentials("id:with colon", Secret.of("s+cr%t é"), "test");

        HttpCall call = ClientAuthentication.BASIC.apply("token request", URI.create("https://x/token"),
                new FormBody().add("grant_type", "client_credentials"), client, redactor);

        String header = call.headers().get("Authorization");
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("id%3Awith+colon:s%2Bcr%25t+%C3%A9");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials");
        assertThat(redactor.redact(header)).isEqualTo("Basic ****");
    }

    @Test
    void postAuthenticationPutsTheCredentialsInTheBody() throws Exception {
        ClientCredentials client = new ClientCredentials("my-id", Secret.of("my-secret"), "test");

        HttpCall call = ClientAuthentication.parse("post").apply("token request", URI.create("https://x/token"),
                new FormBody().add("grant_type", "client_credentials"), client, new Redactor());

        assertThat(call.headers()).doesNotContainKey("Authorization");
        assertThat(call.body()).isEqualTo("grant_type=client_credentials&client_id=my-id&client_secret=my-secret");
        assertThatThrownBy(() -> ClientAuthentication.parse("jwt")).hasMessageContaining("basic");
    }

    private static HttpReply json(String body) {
        return new HttpReply(HttpCall.get("token request", URI.create("https://x/token")), 400, "application/json",
                body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    @Test
    void errorBodiesInAllThreeShapes() {
        assertThat(OAuthErrorResponse.from(json("{\"error\":\"invalid_client\",\"error_description\":\"rfc\"}")))
                .contains(new OAuthErrorResponse("invalid_client", java.util.Optional.of("rfc")));
        assertThat(OAuthErrorResponse.from(json("{\"error\":\"invalid_client\",\"description\":\"authentication failed\","
                + "\"error_description\":\"authentication failed\"}")).get().description()).contains("authentication failed");
        assertThat(OAuthErrorResponse.from(json("{\"error\":\"invalid_grant\",\"errorDescription\":\"Invalid key\"}"))
                .get().description()).contains("Invalid key");
        assertThat(OAuthErrorResponse.from(json("<html>"))).isEmpty();
    }
}
