package io.github.oauthtoken.maven.repository;

import static io.github.oauthtoken.maven.PlainSettingsDecrypter.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.maven.BuildServices;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.transport.Transporter;
import org.eclipse.aether.transfer.NoTransporterException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The core extension's components as Maven drives them, over Maven 3's own request, settings and repository session
 * types, against a token server on loopback (the repository-credentials-* ITs run them in real builds on every
 * Maven): the spy supplies the tokens, the participant reports what it could not, the transporter factory gives
 * each connection the current token, and the end of the build revokes them.
 */
class RepositoryCredentialsTest {
    private static final String CLIENT = "repo-client-id";
    private static final String SECRET = "repo-client-SECRET-8Hv";
    /** The settings.xml server with the client's credentials, which the repository servers name in serverId. */
    private static final String CLIENT_SERVER = "<server><id>repo-client</id><username>" + CLIENT
            + "</username><password>" + SECRET + "</password></server>";

    private final StubHttpServer tokenServer = new StubHttpServer();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> revoked = new CopyOnWriteArrayList<>();
    private final RepositoryCredentialsState state = new RepositoryCredentialsState();
    private final RepositoryCredentialsSpy spy = new RepositoryCredentialsSpy(state, PLAIN);
    private final RepositoryCredentialsCheck check = new RepositoryCredentialsCheck(state);
    private final List<Object[]> transports = new ArrayList<>();
    private final TokenTransporterFactory factory = new TokenTransporterFactory(() -> (session, repository) -> {
        transports.add(new Object[] {session, repository});
        return mock(Transporter.class);
    }, state);

    RepositoryCredentialsTest() {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET)
                .getBytes(StandardCharsets.UTF_8));
        tokenServer.on("/oauth/token", request -> expected.equals(request.header("authorization"))
                ? StubHttpServer.Response.json(200, "{\"access_token\":\"repo-token-" + issued.incrementAndGet()
                        + "-Lk3\",\"token_type\":\"bearer\",\"expires_in\":3600}")
                : StubHttpServer.Response.json(400, "{\"error\":\"invalid_client\",\"description\":\"authentication "
                        + "failed\",\"error_description\":\"authentication failed\"}"));
        tokenServer.on("/api/v2/tokens/me", request -> {
            revoked.add(request.header("authorization"));
            return new StubHttpServer.Response(204, Map.of(), null);
        });
    }

    @AfterEach
    void stop() {
        tokenServer.close();
    }

    /** What Maven's settings reader makes of a {@code <server>}. */
    private static Server server(String xml) throws Exception {
        Xpp3Dom dom = Xpp3DomBuilder.build(new StringReader(xml));
        Server server = new Server();
        server.setId(dom.getChild("id").getValue());
        if (dom.getChild("username") != null) {
            server.setUsername(dom.getChild("username").getValue());
        }
        if (dom.getChild("password") != null) {
            server.setPassword(dom.getChild("password").getValue());
        }
        server.setConfiguration(dom.getChild("configuration"));
        return server;
    }

    private String oauthToken(String extra) {
        return "<oauthToken><provider>genesys</provider><serverId>repo-client</serverId><tokenUrl>" + tokenServer.url()
                + "/oauth/token</tokenUrl><apiUrl>" + tokenServer.url() + "</apiUrl><retries>0</retries>" + extra
                + "</oauthToken>";
    }

    /** A request as the CLI hands it to the spies, on no CI system. */
    private static MavenExecutionRequest request(Server... servers) throws Exception {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        Properties system = new Properties();
        system.setProperty("env.GITHUB_ACTIONS", "false");
        system.setProperty("env.TF_BUILD", "False");
        request.setSystemProperties(system);
        request.addServer(server(CLIENT_SERVER));
        for (Server server : servers) {
            request.addServer(server);
        }
        return request;
    }

    /** The session Maven builds from the request, as the participant gets it. */
    private static MavenSession session(MavenExecutionRequest request, RepositorySystemSession repositorySession) {
        MavenSession session = mock(MavenSession.class);
        when(session.getRequest()).thenReturn(request);
        when(session.getRepositorySession()).thenReturn(repositorySession);
        // Maven 4's session settings: a copy of the request's servers (Maven 3's are the request's).
        Settings settings = new Settings();
        request.getServers().forEach(server -> settings.addServer(server.clone()));
        when(session.getSettings()).thenReturn(settings);
        return session;
    }

    private static Xpp3Dom configuration(Server server) {
        return (Xpp3Dom) server.getConfiguration();
    }

    @Test
    void basicMakesTheTokenThePasswordBesideTheUsernameAndLeavesTheRestOfTheConfiguration() throws Exception {
        Server repository = server("<server><id>company</id><username>ci-deployer</username><configuration>"
                + "<connectTimeout>5000</connectTimeout>" + oauthToken("") + "</configuration></server>");
        MavenExecutionRequest request = request(repository);

        spy.onEvent(request);

        assertThat(repository.getPassword()).isEqualTo("repo-token-1-Lk3");
        assertThat(repository.getUsername()).isEqualTo("ci-deployer");
        assertThat(configuration(repository).getChild("oauthToken")).isNull();
        assertThat(configuration(repository).getChild("connectTimeout").getValue()).isEqualTo("5000");
        assertThat(request.getServers().get(0).getPassword()).isEqualTo(SECRET);
        assertThat(issued).hasValue(1);
    }

    @Test
    void bearerAddsTheHeaderBesideTheUsersOwnReplacingAnAuthorizationHeader() throws Exception {
        Server repository = server("<server><id>registry</id><configuration><httpHeaders>"
                + "<property><name>X-Team</name><value>ci</value></property>"
                + "<property><name>authorization</name><value>Basic old</value></property></httpHeaders>"
                + oauthToken("<sendAs> Bearer </sendAs>") + "</configuration></server>");

        spy.onEvent(request(repository));

        assertThat(repository.getPassword()).isNull();
        Xpp3Dom[] headers = configuration(repository).getChild("httpHeaders").getChildren("property");
        assertThat(headers).extracting(h -> h.getChild("name").getValue() + ": " + h.getChild("value").getValue())
                .containsExactly("X-Team: ci", "Authorization: Bearer repo-token-1-Lk3");
        assertThat(configuration(repository).getChild("oauthToken")).isNull();
    }

    @Test
    void onceTheSessionHoldsTheBearerHeaderTheSettingsTheGoalsSeeHoldNoToken() throws Exception {
        Server repository = server("<server><id>registry</id><configuration><httpHeaders>"
                + "<property><name>X-Team</name><value>ci</value></property></httpHeaders>"
                + oauthToken("<sendAs>bearer</sendAs>") + "</configuration></server>");
        Server onlyToken = server("<server><id>deploy</id><configuration>" + oauthToken("<sendAs>bearer</sendAs>")
                + "</configuration></server>");
        MavenExecutionRequest request = request(repository, onlyToken);
        spy.onEvent(request);
        assertThat(configuration(onlyToken).getChild("httpHeaders").getChildCount()).isEqualTo(1);

        MavenSession session = session(request, new DefaultRepositorySystemSession());
        check.afterSessionStart(session);

        // help:effective-settings prints a server's configuration, headers included.
        Xpp3Dom[] headers = configuration(repository).getChild("httpHeaders").getChildren("property");
        assertThat(headers).extracting(h -> h.getChild("name").getValue() + ": " + h.getChild("value").getValue())
                .containsExactly("X-Team: ci");
        assertThat(onlyToken.getConfiguration()).isNull();
        assertThat(request.getServers().get(0).getPassword()).isEqualTo(SECRET);
        assertThat(session.getSettings().getServers()).allSatisfy(server -> assertThat(String.valueOf(
                server.getConfiguration())).doesNotContain("Authorization"));
    }

    @Test
    void serversWithTheSameOAuthTokenShareOneTokenAndServersWithoutOneAreLeftAlone() throws Exception {
        Server mirror = server("<server><id>mirror</id><username>u</username><configuration>" + oauthToken("")
                + "</configuration></server>");
        Server deploy = server("<server><id>deploy</id><configuration>" + oauthToken("<sendAs>bearer</sendAs>")
                + "</configuration></server>");
        Server plain = server("<server><id>plain</id><username>me</username><password>pw</password>"
                + "<configuration><timeout>7</timeout></configuration></server>");

        spy.onEvent(request(mirror, deploy, plain));

        assertThat(issued).hasValue(1);
        assertThat(mirror.getPassword()).isEqualTo("repo-token-1-Lk3");
        assertThat(plain.getPassword()).isEqualTo("pw");
        assertThat(configuration(plain).getChild("timeout").getValue()).isEqualTo("7");
    }

    @Test
    void everyMistakeStopsTheBuildInOneMessageBeforeAnyRequestNamingTheServerAndTheElement() throws Exception {
        Server typo = server("<server><id>typo</id><username>u</username><configuration>"
                + oauthToken("<tokenURL>x</tokenURL>") + "</configuration></server>");
        Server carrier = server("<server><id>carrier</id><username>u</username><configuration>"
                + oauthToken("<sendAs>carrier-pigeon</sendAs>") + "</configuration></server>");
        Server noUser = server("<server><id>no-user</id><configuration>" + oauthToken("")
                + "</configuration></server>");
        Server lifetime = server("<server><id>lifetime</id><username>u</username><configuration>"
                + oauthToken("<minValidity>soon</minValidity>") + "</configuration></server>");
        Server self = server("<server><id>self</id><username>u</username><configuration>"
                + "<oauthToken><provider>genesys</provider><serverId>self</serverId></oauthToken>"
                + "</configuration></server>");
        Server module = server("<server><id>module</id><username>u</username><configuration>"
                + oauthToken("<propertyPrefix>repo</propertyPrefix>") + "</configuration></server>");
        MavenExecutionRequest request = request(typo, carrier, noUser, lifetime, self, module);

        spy.onEvent(request);

        assertThatThrownBy(() -> check.afterSessionStart(session(request, new DefaultRepositorySystemSession())))
                .isInstanceOf(MavenExecutionException.class)
                .hasMessage("oauth-token could not supply the OAuth token of Maven's repositories, so the build "
                        + "stops before Maven reads the project (6 settings.xml servers):\n"
                        + "  - settings.xml server 'typo', in <oauthToken>: <tokenURL> is no parameter of the fetch "
                        + "goal (did you mean <tokenUrl>?). The children of <oauthToken> are the fetch goal's "
                        + "parameters (mvn oauth-token:help -Ddetail lists them) and <sendAs>.\n"
                        + "  - settings.xml server 'carrier', in <oauthToken>: <sendAs> must be basic (the token as the "
                        + "password beside <username>) or bearer (an Authorization: Bearer header), but was "
                        + "'carrier-pigeon'.\n"
                        + "  - settings.xml server 'no-user', in <oauthToken>: the token is sent as the password of HTTP "
                        + "Basic, which needs a <username> beside it in the <server>: add the user name the "
                        + "repository expects with a token (your repository manager's documentation names it), or "
                        + "send the token as <sendAs>bearer</sendAs>.\n"
                        + "  - settings.xml server 'lifetime', in <oauthToken>: <minValidity> must be an ISO-8601 "
                        + "duration such as PT5M or PT1H30M, or a number of seconds, but was 'soon'.\n"
                        + "  - settings.xml server 'self', in <oauthToken>: <serverId> names this server itself, whose "
                        + "password becomes the token. Put the credentials it should read in a <server> of their "
                        + "own, and name that one.\n"
                        + "  - settings.xml server 'module', in <oauthToken>: <propertyPrefix> has no use for a token of "
                        + "the build, such as a repository's credential: such a token sets no project property, and "
                        + "it is renewed for each new connection rather than in a token file. Remove it.");
        assertThat(tokenServer.requests()).isEmpty();
        for (Server server : List.of(typo, carrier, noUser, lifetime, self, module)) {
            assertThat(server.getConfiguration()).as(server.getId()).isNull();
            assertThat(server.getPassword()).isNull();
        }
    }

    @Test
    void aRefusedClientStopsTheBuildNamingTheServerTheTokenServerItsAnswerAndWhatToCheck() throws Exception {
        Server client = server(CLIENT_SERVER.replace(SECRET, "the-WRONG-secret-2x"));
        Server repository = server("<server><id>company</id><username>ci</username><configuration>" + oauthToken("")
                + "</configuration></server>");
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().addServer(client).addServer(repository);

        spy.onEvent(request);

        assertThatThrownBy(() -> check.afterSessionStart(session(request, new DefaultRepositorySystemSession())))
                .hasMessage("oauth-token could not supply the OAuth token of Maven's repositories, so the build "
                        + "stops before Maven reads the project: settings.xml server 'company': its repositories and "
                        + "mirrors get no OAuth token. Token request (POST " + tokenServer.url() + "/oauth/token) was "
                        + "refused: HTTP 400, error invalid_client (authentication failed). Hint: check the client id "
                        + "and secret in server 'repo-client' in settings.xml.")
                .hasMessageNotContaining("the-WRONG-secret-2x");
        assertThat(tokenServer.requests("/oauth/token")).hasSize(1);
        assertThat(repository.getPassword()).isNull();
    }

    @Test
    void skipLeavesTheServerWithoutAToken() throws Exception {
        Server repository = server("<server><id>company</id><username>ci</username><configuration>"
                + oauthToken("<skip>true</skip>") + "</configuration></server>");
        MavenExecutionRequest request = request(repository);

        spy.onEvent(request);
        check.afterSessionStart(session(request, new DefaultRepositorySystemSession()));

        assertThat(repository.getPassword()).isNull();
        assertThat(repository.getConfiguration()).isNull();
        assertThat(issued).hasValue(0);
    }

    @Test
    void eachNewConnectionAsksForTheCurrentTokenBasicThroughTheAuthenticationBearerThroughTheHeaderSetting()
            throws Exception {
        Server basic = server("<server><id>company</id><username>ci-deployer</username><configuration>"
                + oauthToken("") + "</configuration></server>");
        Server bearer = server("<server><id>registry</id><configuration><httpHeaders><property><name>X-Team</name>"
                + "<value>ci</value></property></httpHeaders>" + oauthToken("<sendAs>bearer</sendAs>")
                + "</configuration></server>");
        MavenExecutionRequest request = request(basic, bearer);
        spy.onEvent(request);
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();
        String headersKey = ConfigurationProperties.HTTP_HEADERS + ".registry";
        // What Maven 3.9 and later build from the server's <httpHeaders>.
        session.setConfigProperty(headersKey, Map.of("X-Team", "ci", "Authorization", "Bearer repo-token-1-Lk3"));
        check.afterSessionStart(session(request, session));

        RemoteRepository company = new RemoteRepository.Builder("company", "default", "https://repo.example/maven")
                .build();
        factory.newInstance(session, company);
        RemoteRepository decorated = (RemoteRepository) transports.get(0)[1];
        assertThat(decorated.getAuthentication()).hasToString("username=ci-deployer, password=*** (OAuth token of "
                + "settings.xml server 'company')");
        try (AuthenticationContext context = AuthenticationContext.forRepository(session, decorated)) {
            assertThat(context.get(AuthenticationContext.USERNAME)).isEqualTo("ci-deployer");
            assertThat(context.get(AuthenticationContext.PASSWORD)).isEqualTo("repo-token-1-Lk3");
        }
        assertThatThrownBy(() -> factory.newInstance(session, decorated)).isInstanceOf(NoTransporterException.class);

        RemoteRepository registry = new RemoteRepository.Builder("registry", "default", "https://npm.example/maven")
                .build();
        factory.newInstance(session, registry);
        RepositorySystemSession withHeader = (RepositorySystemSession) transports.get(1)[0];
        assertThat(transports.get(1)[1]).isSameAs(registry);
        assertThat(withHeader.getConfigProperties().get(headersKey))
                .isEqualTo(Map.of("X-Team", "ci", "Authorization", "Bearer repo-token-1-Lk3"));
        assertThat(withHeader.getData()).isSameAs(session.getData());
        assertThatThrownBy(() -> factory.newInstance(withHeader, registry))
                .isInstanceOf(NoTransporterException.class);

        RemoteRepository other = new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/")
                .build();
        RemoteRepository local = new RemoteRepository.Builder("company", "default", "file:///tmp/repo").build();
        assertThatThrownBy(() -> factory.newInstance(session, other)).isInstanceOf(NoTransporterException.class);
        assertThatThrownBy(() -> factory.newInstance(session, local)).isInstanceOf(NoTransporterException.class);
        assertThat(factory.getPriority()).isGreaterThan(Float.MAX_VALUE);
        assertThat(issued).hasValue(1);
    }

    @Test
    void theSessionLearnsTheTokensForTheGoalsRedactionAndForGoalsThatAskForTheSameToken() throws Exception {
        Server basic = server("<server><id>company</id><username>ci-deployer</username><configuration>"
                + oauthToken("") + "</configuration></server>");
        MavenExecutionRequest request = request(basic);
        spy.onEvent(request);
        DefaultRepositorySystemSession session = new DefaultRepositorySystemSession();

        check.afterSessionStart(session(request, session));

        Set<String> secrets = BuildServices.secrets(session.getData(), ConcurrentHashMap::newKeySet);
        assertThat(secrets).contains("repo-token-1-Lk3", SECRET, Base64.getEncoder().encodeToString(
                "ci-deployer:repo-token-1-Lk3".getBytes(StandardCharsets.UTF_8)));
        assertThat(BuildServices.sharedTokens(session.getData(), ConcurrentHashMap::new).values())
                .singleElement().satisfies(token -> assertThat(token.getProperty("access_token"))
                        .isEqualTo("repo-token-1-Lk3"));
    }

    @Test
    void theEndOfTheBuildRevokesTheTokensOnceAndForgetsTheBuild() throws Exception {
        Server repository = server("<server><id>company</id><username>ci</username><configuration>" + oauthToken("")
                + "</configuration></server>");
        spy.onEvent(request(repository));

        spy.onEvent(new DefaultMavenExecutionResult());
        spy.onEvent(new DefaultMavenExecutionResult());

        assertThat(revoked).containsExactly("Bearer repo-token-1-Lk3");
        assertThat(state.current()).isNull();
    }
}
