package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.oauthtoken.core.token.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetch goal inside Maven's container: configuration, settings.xml, environment, properties. */
@MojoTest
class FetchMojoTest {
    private StubTokenServer server;
    private final RecordingLog log = new RecordingLog();
    /** One build session for every mojo of a test, as in a real build. */
    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();

    @BeforeEach
    void start() {
        server = new StubTokenServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Properties prepare(AbstractTokenMojo mojo, Settings settings, String... environment) throws Exception {
        return MojoFixture.prepare(mojo, server, settings, repositorySession, log, environment);
    }

    private static String[] credentialsInEnvironment() {
        return MojoFixture.credentialsInEnvironment();
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "verify", value = "true")
    void setsTheTokenPropertiesFromEnvironmentCredentials(FetchMojo mojo) throws Exception {
        Properties properties = prepare(mojo, new Settings(), credentialsInEnvironment());

        mojo.execute();

        String token = server.lastToken;
        assertThat(properties.getProperty("oauth.token")).isEqualTo(token);
        assertThat(properties.getProperty("oauth.token.type")).isEqualTo("bearer");
        assertThat(properties.getProperty("oauth.token.expiresIn")).isEqualTo("86399");
        assertThat(properties.getProperty("oauth.token.expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(properties.getProperty("oauth.token.fingerprint")).isEqualTo(Fingerprint.of(token));
        assertThat(properties.getProperty("oauth.token.organizationId")).isEqualTo("org-42");
        assertThat(log.lines).filteredOn(line -> line.startsWith("INFO"))
                .containsExactly("INFO Obtained genesys token from 127.0.0.1 (expires "
                        + properties.getProperty("oauth.token.expiresAt") + ", fingerprint " + Fingerprint.of(token) + ")");
        assertThat(log.all()).doesNotContain(token).doesNotContain(StubTokenServer.CLIENT_SECRET);
    }

    /**
     * A token that no module revokes and no refresher keeps needs nothing at the end of the build: the goal leaves
     * the build's execution listener, and the session's data, as it found them (the cache-hit path pays nothing).
     */
    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    void aTokenThatNeedsNoEndOfTheBuildInstallsNothing(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), credentialsInEnvironment());
        MavenSession session = MojoExtension.getVariableValueFromObject(mojo, "session");
        ExecutionListener mavensOwn = session.getRequest().getExecutionListener();

        mojo.execute();
        mojo.execute();

        assertThat(server.tokenRequests).hasValue(1);
        assertThat(session.getRequest().getExecutionListener()).isSameAs(mavensOwn);
        assertThat(EndOfBuildHooks.of(repositorySession.getData())).isNull();
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "serverId", value = "genesys-ci")
    void readsASettingsServer(FetchMojo mojo) throws Exception {
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("genesys-ci");
        server.setUsername(StubTokenServer.CLIENT_ID);
        server.setPassword(StubTokenServer.CLIENT_SECRET);
        settings.addServer(server);
        Properties properties = prepare(mojo, settings);

        mojo.execute();

        assertThat(properties.getProperty("oauth.token")).isEqualTo(this.server.lastToken);
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "serverId", value = "not-there")
    void anExplicitServerIdThatIsMissingIsAnErrorNotAFallback(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), credentialsInEnvironment());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("settings.xml server 'not-there': no <server> with this id");
        assertThat(server.tokenRequests).hasValue(0);
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    void wrongSecretFailsWithTheHintAndWithoutTheSecret(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), "GENESYS_CLIENT_ID", StubTokenServer.CLIENT_ID,
                "GENESYS_CLIENT_SECRET", "wrong-secret-value-123");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("HTTP 400, error invalid_client (authentication failed)")
                .hasMessageContaining("check the client id and secret in environment variables "
                        + "GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET")
                .message().doesNotContain("wrong-secret-value-123");
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "gensys")
    void anUnknownProviderListsTheValidOnes(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Unknown <provider> 'gensys'. Valid values: genesys, cxone, oauth2.");
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "skip", value = "true")
    void skipDoesNothing(FetchMojo mojo) throws Exception {
        Properties properties = prepare(mojo, new Settings(), credentialsInEnvironment());

        mojo.execute();

        assertThat(server.tokenRequests).hasValue(0);
        assertThat(properties).doesNotContainKey("oauth.token");
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "failOnError", value = "false")
    void failOnErrorFalseWarnsAndSetsNoProperties(FetchMojo mojo) throws Exception {
        Properties properties = prepare(mojo, new Settings());

        mojo.execute();

        assertThat(properties).doesNotContainKey("oauth.token");
        assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("WARN No token").contains("GENESYS_CLIENT_ID"));
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "minValidity", value = "P2D")
    void aTokenShorterThanMinValidityFails(FetchMojo mojo) throws Exception {
        Properties properties = prepare(mojo, new Settings(), credentialsInEnvironment());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("expires in 86399 s")
                .hasMessageContaining("<minValidity> of 172800 s");
        assertThat(properties).doesNotContainKey("oauth.token");
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "timeout", value = "soon")
    void aBadDurationSaysWhatIsExpected(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), credentialsInEnvironment());

        assertThatThrownBy(mojo::execute)
                .hasMessage("<timeout> must be an ISO-8601 duration such as PT5M or PT1H30M, or a number of "
                        + "seconds, but was 'soon'.");
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "githubEnv", value = "API_TOKEN")
    void aGithubExportOutsideGithubActionsFailsBeforeFetching(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), credentialsInEnvironment());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<githubEnv> is set, but this build does not run on GitHub Actions");
        assertThat(server.tokenRequests).hasValue(0);
    }

    @Test
    void twoExecutionsInOneBuildShareOneTokenAndPrefixesKeepThemApart(
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys") FetchMojo first,
            @InjectMojo(goal = "fetch") @MojoParameter(name = "provider", value = "genesys")
                    @MojoParameter(name = "propertyPrefix", value = "second.token") FetchMojo second)
            throws Exception {
        Properties properties = prepare(first, new Settings(), credentialsInEnvironment());
        prepare(second, new Settings(), credentialsInEnvironment());

        first.execute();
        second.execute();

        assertThat(server.tokenRequests).hasValue(1);
        assertThat(properties.getProperty("oauth.token")).isEqualTo(server.lastToken);
        assertThat(properties.getProperty("second.token")).isEqualTo(server.lastToken);
        assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("INFO Reusing (this build) genesys token"));
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "cache", value = "none")
    void cacheNoneFetchesEveryTime(FetchMojo mojo) throws Exception {
        prepare(mojo, new Settings(), credentialsInEnvironment());

        mojo.execute();
        mojo.execute();

        assertThat(server.tokenRequests).hasValue(2);
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "serverId", value = "genesys-encrypted")
    void aPasswordThatCannotBeDecryptedFailsNamingTheServerButNotTheValue(FetchMojo mojo,
            @TempDir Path temp) throws Exception {
        // A master password other than the one the server's password was encrypted with.
        Path security = temp.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + "{qQKfArOto2EHefcd1UwHSAUB2oUkFf/PtwZI/ozW8E6wIPOtT8FIPYAv7HrsETm2}</master></settingsSecurity>");
        Settings settings = new Settings();
        Server server = new Server();
        server.setId("genesys-encrypted");
        server.setUsername(StubTokenServer.CLIENT_ID);
        server.setPassword("{WppG+Es+xxwH+5+cnHIr5PM1MTBO3NrX7p/6nd6+vd1dsOf4tbMb5T5UAMZ4fcGh}");
        settings.addServer(server);
        prepare(mojo, settings);
        String previous = System.getProperty("settings.security");
        System.setProperty("settings.security", security.toString());
        try {
            assertThatThrownBy(mojo::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("Maven could not decrypt the password of settings.xml server 'genesys-encrypted'")
                    .hasMessageContaining("settings-security.xml")
                    .message().doesNotContain("WppG+Es+xxwH");
            assertThat(this.server.tokenRequests).hasValue(0);
        } finally {
            if (previous == null) {
                System.clearProperty("settings.security");
            } else {
                System.setProperty("settings.security", previous);
            }
        }
    }
}
