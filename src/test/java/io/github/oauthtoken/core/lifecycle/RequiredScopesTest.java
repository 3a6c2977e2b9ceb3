package io.github.oauthtoken.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TestJwts;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.MapParameters;
import io.github.oauthtoken.core.config.Parameter;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code requiredScopes} through the entry the goals use: checked right after the fetch, never guessed. */
class RequiredScopesTest {
    private static final String SECRET = "scopes-SECRET-41";
    private final StubHttpServer server = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    /** What the Genesys stub's {@code GET /api/v2/tokens/me} lists as {@code authorizedScope}. */
    private volatile String authorizedScope = "[\"users:readonly\",\"routing\"]";
    /** The oauth2 stub's token response, after the token itself. */
    private volatile String oauth2Rest = ",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    private volatile String oauth2Token = "opaque-oauth2-token";
    private volatile String introspectionScope = "\"orders:read\"";

    RequiredScopesTest() {
        server.on("/oauth/token", request -> StubHttpServer.Response.json(200, "{\"access_token\":\"scoped-token-"
                + issued.incrementAndGet() + "\",\"token_type\":\"bearer\",\"expires_in\":3600}"));
        server.on("/api/v2/tokens/me", request -> {
            if (request.method().equals("DELETE")) {
                revoked.add(request.header("authorization"));
                return new StubHttpServer.Response(204, Map.of(), null);
            }
            return StubHttpServer.Response.json(200, "{\"organization\":{\"id\":\"org-1\"},\"authorizedScope\":"
                    + authorizedScope + ",\"OAuthClient\":{\"id\":\"c\",\"name\":\"CI\"}}");
        });
        server.on("/realm/token", request -> StubHttpServer.Response.json(200, "{\"access_token\":\"" + oauth2Token
                + "\"" + oauth2Rest));
        server.on("/realm/introspect", request -> StubHttpServer.Response.json(200, "{\"active\":true"
                + (introspectionScope == null ? "" : ",\"scope\":" + introspectionScope) + "}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MapParameters genesys(String... required) {
        return MapParameters.of().with(Parameter.PROVIDER, "genesys")
                .with(Parameter.TOKEN_URL, server.url() + "/oauth/token")
                .with(Parameter.API_URL, server.url()).with(Parameter.RETRIES, 0)
                .with(Parameter.REQUIRED_SCOPES, List.of(required));
    }

    private MapParameters oauth2(String... required) {
        return MapParameters.of().with(Parameter.PROVIDER, "oauth2")
                .with(Parameter.TOKEN_URL, server.url() + "/realm/token").with(Parameter.RETRIES, 0)
                .with(Parameter.REQUIRED_SCOPES, List.of(required));
    }

    private TestExecution module(String id, String... revokePrefixes) {
        return new TestExecution(id, finished, revokePrefixes).env("GENESYS_CLIENT_ID", "scoped-client",
                "GENESYS_CLIENT_SECRET", SECRET, "OAUTH_CLIENT_ID", "realm-client", "OAUTH_CLIENT_SECRET", SECRET);
    }

    private static TokenLifecycle service(boolean endOfBuild) {
        return new TokenLifecycle(new Redactor(), endOfBuild ? EndOfBuild.ALWAYS : EndOfBuild.NEVER, Clock.systemUTC());
    }

    private int tokenInfoCalls() {
        return (int) server.requests("/api/v2/tokens/me").stream().filter(r -> r.method().equals("GET")).count();
    }

    @Test
    void aMissingGenesysScopeFailsAtFetchNamingItTheGrantedOnesAndWhereToGrantIt(@TempDir Path temp) {
        TestExecution module = module("it:m:1");
        Path file = temp.resolve("token");

        assertThatThrownBy(() -> service(false).fetch(genesys("analytics, users:readonly conversations")
                .with(Parameter.TOKEN_FILE, file), module))
                .isInstanceOf(TokenException.class)
                .hasMessageContaining("lacks the scopes analytics, conversations that <requiredScopes> asks for")
                .hasMessageContaining("It grants users:readonly, routing (according to Genesys Cloud GET "
                        + "/api/v2/tokens/me, authorizedScope)")
                .hasMessageContaining("OAuth client scoped-client in Genesys Cloud under Admin > Integrations > OAuth")
                .hasMessageContaining("roles on its Roles tab")
                .hasMessageNotContaining("scoped-token-1").hasMessageNotContaining(SECRET);
        assertThat(module.properties).as("no properties for a token the build cannot use").isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void grantedGenesysScopesPassAndTheReadWriteScopeCoversItsReadOnlyOne() throws TokenException {
        TestExecution module = module("it:m:1");

        service(false).fetch(genesys("users:readonly", "routing:readonly"), module);

        assertThat(module.properties.getProperty("oauth.token")).isEqualTo("scoped-token-1");
        assertThat(module.log.at("INFO")).contains("The genesys token grants the required scopes users:readonly, "
                + "routing:readonly (according to Genesys Cloud GET /api/v2/tokens/me, authorizedScope).");
    }

    @Test
    void anEmptyAuthorizedScopeSaysNothingSoTheBuildIsWarnedAndGoesOn() throws TokenException {
        authorizedScope = "[]";
        TestExecution module = module("it:m:1");

        service(false).fetch(genesys("analytics"), module);

        assertThat(module.properties.getProperty("oauth.token")).isEqualTo("scoped-token-1");
        assertThat(module.log.at("WARN")).singleElement().asString()
                .startsWith("<requiredScopes> (analytics) cannot be checked for the genesys token: the token response "
                        + "has no scope, Genesys Cloud GET /api/v2/tokens/me lists no authorizedScope for it")
                .contains("roles of its OAuth client", "does not guess", "HTTP 403");
    }

    @Test
    void everyModuleOfAReactorChecksItsOwnListAgainstOneAnswerOfTheServer() throws TokenException {
        TokenLifecycle service = service(false);
        for (int i = 0; i < 5; i++) {
            service.fetch(genesys("routing"), module("it:m" + i + ":1"));
        }
        TestExecution last = module("it:last:1");

        assertThatThrownBy(() -> service.fetch(genesys("analytics"), last))
                .hasMessageContaining("lacks the scope analytics");
        assertThat(tokenInfoCalls()).isEqualTo(1);
        assertThat(issued).hasValue(1);
    }

    @Test
    void withoutRequiredScopesNothingIsAsked() throws TokenException {
        service(false).fetch(genesys(), module("it:m:1"));

        assertThat(tokenInfoCalls()).isZero();
    }

    @Test
    void scopesTheServerChoseAreNeutralisedBeforeTheMessageQuotesThem() {
        authorizedScope = "[\"::stop-commands::pause\",\"##vso[task.setvariable variable=x]y\",\"a\\nb\"]";

        assertThatThrownBy(() -> service(false).fetch(genesys("analytics"), module("it:m:1")))
                .hasMessageContaining("It grants : :stop-commands::pause, # #vso[task.setvariable variable=x]y, a b ")
                .hasMessageNotContaining("##vso[").hasMessageNotContaining("\n");
    }

    @Test
    void failOnErrorFalseTurnsAMissingScopeIntoAWarningWithoutProperties() throws TokenException {
        TestExecution module = module("it:m:1");

        service(false).fetch(genesys("analytics").with(Parameter.FAIL_ON_ERROR, false), module);

        assertThat(module.log.at("WARN")).singleElement().asString()
                .startsWith("No token (failOnError is false, so the build goes on): The genesys token lacks the scope "
                        + "analytics");
        assertThat(module.properties).isEmpty();
    }

    @Test
    void aTokenThatFailedTheCheckIsStillRevokedAtTheEndOfTheBuild() {
        TokenLifecycle service = service(true);
        TestExecution module = module("it:m:1", "oauth.token");

        assertThatThrownBy(() -> service.fetch(genesys("analytics"), module)).isInstanceOf(TokenException.class);
        service.endOfBuild(new RecordingBuildLog());

        assertThat(revoked).containsExactly("Bearer scoped-token-1");
    }

    @Test
    void oauth2TakesTheTokenResponsesScopeAndAsksNoOneElse() {
        oauth2Rest = ",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"orders:read\"}";

        assertThatThrownBy(() -> service(false).fetch(oauth2("orders:read,orders:write")
                .with(Parameter.SCOPE, "orders:read")
                .with(Parameter.VERIFY, true)
                .with(Parameter.INTROSPECTION_URL, server.url() + "/realm/introspect"), module("it:m:1")))
                .hasMessageContaining("The oauth2 token lacks the scope orders:write that <requiredScopes> asks for. "
                        + "It grants orders:read (according to the token response's scope).")
                .hasMessageContaining("Grant it to client realm-client at the authorization server and request it "
                        + "with <scope> (now 'orders:read')");
        // One introspection: verify's; the scope check did not ask again, since the token response told.
        assertThat(server.requests("/realm/introspect")).hasSize(1);
    }

    @Test
    void oauth2WithVerifyAsksTheIntrospectionEndpointWhenTheTokenResponseIsSilent() throws TokenException {
        TestExecution module = module("it:m:1");

        service(false).fetch(oauth2("orders:read").with(Parameter.VERIFY, true)
                .with(Parameter.INTROSPECTION_URL, server.url() + "/realm/introspect")
                , module);

        assertThat(module.log.at("INFO")).anySatisfy(line -> assertThat(line).contains(
                "grants the required scopes orders:read (according to RFC 7662 introspection at " + server.url()
                        + "/realm/introspect)"));
    }

    @Test
    void oauth2WithoutVerifyReadsTheJwtsScpClaim() {
        oauth2Token = TestJwts.unsigned("{\"sub\":\"realm-client\",\"scp\":[\"orders:read\"]}");

        assertThatThrownBy(() -> service(false).fetch(oauth2("orders:write"), module("it:m:1")))
                .hasMessageContaining("It grants orders:read (according to the token's JWT scp claim).");
        assertThat(server.requests("/realm/introspect")).isEmpty();
    }

    @Test
    void oauth2WithNothingToTellWarnsWhatItLookedAtAndHowToLearnMore() throws TokenException {
        TestExecution module = module("it:m:1");

        service(false).fetch(oauth2("orders:read"), module);

        assertThat(module.properties.getProperty("oauth.token")).isEqualTo("opaque-oauth2-token");
        assertThat(module.log.at("WARN")).singleElement().asString()
                .contains("the token response has no scope, <verify> is false, so the introspection endpoint (RFC "
                        + "7662) was not asked (set <verify>true</verify> to have it asked), and the token is no JWT "
                        + "with a scope or scp claim");
        assertThat(server.requests("/realm/introspect")).isEmpty();
    }

    @Test
    void anIntrospectionWithoutScopeIsUnknownNotEmpty() throws TokenException {
        introspectionScope = null;
        TestExecution module = module("it:m:1");

        service(false).fetch(oauth2("orders:read").with(Parameter.VERIFY, true)
                .with(Parameter.INTROSPECTION_URL, server.url() + "/realm/introspect")
                , module);

        assertThat(module.log.at("WARN")).singleElement().asString().contains("/realm/introspect has no scope");
    }

    @Test
    void theTokenFileIsNotWrittenForATokenWithoutItsScopes(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("token"), "an older token");

        assertThatThrownBy(() -> service(false).fetch(genesys("analytics")
                .with(Parameter.TOKEN_FILE, file), module("it:m:1")))
                .isInstanceOf(TokenException.class);

        assertThat(file).hasContent("an older token");
    }
}
