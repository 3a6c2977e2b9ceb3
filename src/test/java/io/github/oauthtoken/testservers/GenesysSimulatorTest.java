package io.github.oauthtoken.testservers;

import static io.github.oauthtoken.testservers.SimulatorClient.basic;
import static io.github.oauthtoken.testservers.SimulatorClient.call;
import static io.github.oauthtoken.testservers.SimulatorClient.postForm;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.testservers.SimulatorClient.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Genesys simulator answers as ../shared/PROTOCOLS.md says Genesys Cloud does; the ITs rely on it. */
class GenesysSimulatorTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SECRET = "sim-test-secret-7Hj2";

    @TempDir
    Path temp;
    private GenesysSimulator genesys;
    private String base;

    @BeforeEach
    void start() {
        genesys = new GenesysSimulator(0, temp.resolve("journal.txt"), Map.of(
                "client-a", new GenesysSimulator.Client(SECRET, true, 86399),
                "client-short", new GenesysSimulator.Client(SECRET, true, 300),
                "client-nogrant", new GenesysSimulator.Client(SECRET, false, 86399),
                "client-expired", new GenesysSimulator.Client(SECRET, true, 0),
                "client-scoped", new GenesysSimulator.Client(SECRET, true, 86399, List.of("users:readonly", "routing"))));
        base = genesys.baseUrl();
    }

    @AfterEach
    void stop() {
        genesys.close();
    }

    private Reply token(String id, String secret) throws Exception {
        return postForm(base + "/oauth/token", basic(id, secret), FORM, "grant_type=client_credentials");
    }

    private String issue() throws Exception {
        return (String) token("client-a", SECRET).json().get("access_token");
    }

    @Test
    void clientCredentialsWithBasicGivesALowercaseBearerToken() throws Exception {
        Reply reply = token("client-a", SECRET);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        Map<String, Object> body = reply.json();
        assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
                .containsEntry("token_type", "bearer").containsEntry("expires_in", 86399);
        assertThat((String) body.get("access_token")).matches("[A-Za-z0-9_-]{40,}");
        assertThat(issue()).as("every token is new").isNotEqualTo(body.get("access_token"));
        assertThat(genesys.tokenRequests()).isEqualTo(2);
        assertThat(genesys.tokenRequests("client-a")).isEqualTo(2);
        assertThat(Files.readAllLines(temp.resolve("journal.txt"))).hasSize(2).contains((String) body.get("access_token"));
    }

    @Test
    void theLifetimeIsSetPerClient() throws Exception {
        assertThat(token("client-short", SECRET).json()).containsEntry("expires_in", 300);
    }

    @Test
    void wrongOrMissingCredentialsGetGenesysInvalidClientBody() throws Exception {
        for (Reply reply : new Reply[] {
            token("client-a", "not-the-secret"),
            token("nobody", SECRET),
            postForm(base + "/oauth/token", null, FORM, "grant_type=client_credentials"),
            postForm(base + "/oauth/token", "Bearer something", FORM, "grant_type=client_credentials")}) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.json()).containsExactlyInAnyOrderEntriesOf(Map.of("error", "invalid_client",
                    "description", "authentication failed", "error_description", "authentication failed"));
        }
        assertThat(temp.resolve("journal.txt")).doesNotExist();
    }

    @Test
    void aClientWithoutTheGrantIsUnauthorized() throws Exception {
        Reply reply = token("client-nogrant", SECRET);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json()).containsEntry("error", "unauthorized_client").containsKey("error_description");
    }

    @Test
    void requestsOtherThanAClientCredentialsFormAreRefused() throws Exception {
        String auth = basic("client-a", SECRET);
        assertThat(postForm(base + "/oauth/token", auth, "application/json", "{\"grant_type\":\"client_credentials\"}")
                .json()).containsEntry("error", "invalid_request");
        assertThat(postForm(base + "/oauth/token", auth, FORM, "grant_type=password&username=u&password=p").json())
                .containsEntry("error", "unsupported_grant_type");
        Reply noGrant = postForm(base + "/oauth/token", auth, FORM, "scope=all");
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json()).containsEntry("error", "invalid_request");
        assertThat(call("GET", base + "/oauth/token", auth).status()).isEqualTo(405);
        assertThat(postForm(base + "/oauth/token/", auth, FORM, "grant_type=client_credentials").status())
                .as("only the exact path").isEqualTo(404);
        assertThat(postForm(base + "/oauth/tokens", auth, FORM, "grant_type=client_credentials").status()).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void tokensMeDescribesAnIssuedTokenByGetAndHead() throws Exception {
        String bearer = "Bearer " + issue();

        Reply me = call("GET", base + "/api/v2/tokens/me", bearer);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.contentType()).startsWith("application/json");
        Map<String, Object> body = me.json();
        assertThat(body).containsKeys("organization", "homeOrganization", "OAuthClient", "authorizedScope");
        assertThat((Map<String, Object>) body.get("organization")).containsKeys("id", "name");
        assertThat((Map<String, Object>) body.get("OAuthClient")).containsKeys("id", "name", "organization");
        assertThat(call("HEAD", base + "/api/v2/tokens/me", bearer).status()).isEqualTo(200);
    }

    @Test
    void unknownTokensAndDeletedTokensGet401() throws Exception {
        String token = issue();
        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer not-a-token").status()).isEqualTo(401);
        assertThat(call("GET", base + "/api/v2/tokens/me", null).status()).isEqualTo(401);
        assertThat(call("HEAD", base + "/api/v2/tokens/me", "Bearer not-a-token").status()).isEqualTo(401);

        assertThat(call("DELETE", base + "/api/v2/tokens/me", "Bearer " + token).status()).isBetween(200, 204);
        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer " + token).status()).isEqualTo(401);
        assertThat(call("DELETE", base + "/api/v2/tokens/me", "Bearer " + token).status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenGets401LikeAnUnknownOne() throws Exception {
        // A lifetime of 0 s: expired as soon as it is issued, so no test has to wait for a clock.
        String expired = (String) token("client-expired", SECRET).json().get("access_token");

        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer " + expired).status()).isEqualTo(401);
        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer " + issue()).status()).isEqualTo(200);
    }

    @Test
    void tokensMeListsTheClientsAuthorizedScopeAndNoneByDefault() throws Exception {
        String scoped = (String) token("client-scoped", SECRET).json().get("access_token");

        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer " + scoped).json())
                .containsEntry("authorizedScope", List.of("users:readonly", "routing"));
        assertThat(call("GET", base + "/api/v2/tokens/me", "Bearer " + issue()).json())
                .containsEntry("authorizedScope", List.of());
    }
}
