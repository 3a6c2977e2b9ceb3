package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.basic;
import static io.github.oauthtoken.testservers.SimulatorClient.claims;
import static io.github.oauthtoken.testservers.SimulatorClient.get;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.testservers.SimulatorClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CXone simulator answers as ../shared/PROTOCOLS.md says NICE CXone does; the ITs rely on it. */
class CxoneSimulatorTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    /** Characters that form encoding changes, to prove the Basic header is decoded per RFC 6749 section 2.3.1. */
    private static final String CLIENT_ID = "app id+1";
    private static final String CLIENT_SECRET = "s&cr=t:%/ü";
    private static final String GRANT = "grant_type=password&username=key-1&password=key-secret-1";

    private CxoneSimulator cxone;
    private String base;

    @BeforeEach
    void start() {
        cxone = new CxoneSimulator(0, null, CLIENT_ID, CLIENT_SECRET, Map.of("key-1", "key-secret-1"));
        base = cxone.baseUrl();
    }

    @AfterEach
    void stop() {
        cxone.close();
    }

    @Test
    void discoveryNamesTheIssuerAndTheTokenEndpoint() throws Exception {
        Reply reply = get(base + "/.well-known/openid-configuration");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json()).containsEntry("issuer", base).containsEntry("token_endpoint", base + "/auth/token");
    }

    @Test
    void thePasswordGrantWithAnAccessKeyGivesTokensAndAnIdTokenWithTheTenant() throws Exception {
        Reply reply = postForm(base + "/auth/token", basic(CLIENT_ID, CLIENT_SECRET), FORM, GRANT);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> body = reply.json();
        assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 3600)
                .containsKeys("access_token", "refresh_token", "id_token");
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> id = claims((String) body.get("id_token"));
        assertThat(id).containsEntry("tenantId", CxoneSimulator.TENANT_ID).containsEntry("iss", base)
                .containsKeys("icBUId", "icClusterId");
        assertThat(((Number) id.get("exp")).longValue()).isBetween(now + 3500, now + 3700);
        assertThat(claims((String) body.get("access_token"))).containsEntry("iss", base).containsKey("exp");
        assertThat(cxone.tokenRequests(CLIENT_ID)).isEqualTo(1);
        assertThat(cxone.tokenRequests()).isEqualTo(1);
    }

    @Test
    void aWrongClientGets401InvalidClientInCamelCase() throws Exception {
        for (Reply reply : new Reply[] {
            postForm(base + "/auth/token", basic(CLIENT_ID, "wrong"), FORM, GRANT),
            postForm(base + "/auth/token", basic("other-app", CLIENT_SECRET), FORM, GRANT),
            postForm(base + "/auth/token", null, FORM, GRANT)}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json()).containsEntry("error", "invalid_client").containsKey("errorDescription")
                    .doesNotContainKey("error_description");
        }
    }

    @Test
    void aWrongAccessKeyGets400InvalidGrant() throws Exception {
        for (String grant : new String[] {"grant_type=password&username=key-1&password=wrong",
            "grant_type=password&username=key-2&password=key-secret-1"}) {
            Reply reply = postForm(base + "/auth/token", basic(CLIENT_ID, CLIENT_SECRET), FORM, grant);
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json()).containsEntry("error", "invalid_grant").containsKey("errorDescription");
        }
    }

    @Test
    void otherGrantsAndShapesAreRefused() throws Exception {
        String auth = basic(CLIENT_ID, CLIENT_SECRET);
        assertThat(postForm(base + "/auth/token", auth, FORM, "grant_type=client_credentials").json())
                .containsEntry("error", "unsupported_grant_type");
        assertThat(postForm(base + "/auth/token", auth, FORM, "grant_type=password").json())
                .containsEntry("error", "invalid_request");
        assertThat(postForm(base + "/auth/token", auth, "application/json", "{}").status()).isEqualTo(400);
        assertThat(postForm(base + "/auth/tokens", auth, FORM, GRANT).status()).isEqualTo(404);
    }

    @Test
    void theTenantConfigurationNamesTheApiEndpoint() throws Exception {
        Reply reply = get(base + "/.well-known/cxone-configuration?tenantId=" + CxoneSimulator.TENANT_ID);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("area", "na1").containsEntry("domain", "niceincontact.com")
                .hasEntrySatisfying("api_endpoint", endpoint -> assertThat((String) endpoint).startsWith(base + "/"));

        assertThat(get(base + "/.well-known/cxone-configuration?tenantId=someone-else").status()).isEqualTo(404);
        assertThat(get(base + "/.well-known/cxone-configuration").status()).isEqualTo(404);
    }
}
