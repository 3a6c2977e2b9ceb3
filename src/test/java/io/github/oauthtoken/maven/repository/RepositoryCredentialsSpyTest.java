package io.github.oauthtoken.maven.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.settings.Server;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the spy does to settings.xml servers, as Maven 3 hands them over (the repository-credentials-prototype ITs
 * run it on Maven 3.9 and 4). PROTOTYPE: the token is the static stand-in.
 */
class RepositoryCredentialsSpyTest {
    private static final String TOKEN = "static-stand-in-token-5Gq";

    @TempDir
    Path temp;
    private final RepositoryCredentialsState state = new RepositoryCredentialsState();
    private final RepositoryCredentialsSpy spy = new RepositoryCredentialsSpy(state);

    private static Server server(String id, String username, String configuration) throws Exception {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        if (configuration != null) {
            server.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
        }
        return server;
    }

    private static Xpp3Dom configuration(Server server) {
        return (Xpp3Dom) server.getConfiguration();
    }

    @Test
    void basicMakesTheTokenThePasswordAndLeavesTheRestOfTheConfiguration() throws Exception {
        Server server = server("repo", "ci", "<configuration><connectTimeout>5000</connectTimeout>"
                + "<oauthToken><provider>genesys</provider><prototypeToken>" + TOKEN + "</prototypeToken></oauthToken>"
                + "</configuration>");
        MavenExecutionRequest request = new DefaultMavenExecutionRequest().addServer(server);

        spy.onEvent(request);

        assertThat(server.getPassword()).isEqualTo(TOKEN);
        assertThat(server.getUsername()).isEqualTo("ci");
        assertThat(configuration(server).getChild("oauthToken")).isNull();
        assertThat(configuration(server).getChild("connectTimeout").getValue()).isEqualTo("5000");
        assertThat(state.failure()).isEmpty();
    }

    @Test
    void bearerAddsTheHeaderBesideTheUsersOwnAndReplacesAnAuthorizationHeader() throws Exception {
        Files.writeString(temp.resolve("token"), TOKEN + "\n");
        Server server = server("repo", null, "<configuration><httpHeaders>"
                + "<property><name>X-Team</name><value>ci</value></property>"
                + "<property><name>authorization</name><value>Basic old</value></property></httpHeaders>"
                + "<oauthToken><sendAs> Bearer </sendAs><prototypeTokenFile>" + temp.resolve("token")
                + "</prototypeTokenFile></oauthToken></configuration>");

        spy.supply(List.of(server));

        assertThat(server.getPassword()).isNull();
        Xpp3Dom[] headers = configuration(server).getChild("httpHeaders").getChildren("property");
        assertThat(headers).hasSize(2);
        assertThat(headers[0].getChild("name").getValue()).isEqualTo("X-Team");
        assertThat(headers[1].getChild("name").getValue()).isEqualTo("Authorization");
        assertThat(headers[1].getChild("value").getValue()).isEqualTo("Bearer " + TOKEN);
        assertThat(configuration(server).getChild("oauthToken")).isNull();
        assertThat(state.failure()).isEmpty();
    }

    @Test
    void serversWithoutTheElementAreLeftAloneAndAnEmptiedConfigurationGoes() throws Exception {
        Server plain = server("plain", "u", "<configuration><connectTimeout>1</connectTimeout></configuration>");
        plain.setPassword("own-password");
        Server none = server("none", "u", null);
        Server only = server("only", "u", "<configuration><oauthToken><prototypeToken>" + TOKEN
                + "</prototypeToken></oauthToken></configuration>");

        spy.supply(List.of(plain, none, only));
        spy.supply(List.of(plain, none, only));

        assertThat(plain.getPassword()).isEqualTo("own-password");
        assertThat(configuration(plain).getChild("connectTimeout").getValue()).isEqualTo("1");
        assertThat(none.getConfiguration()).isNull();
        assertThat(only.getConfiguration()).as("nothing left for a transport to read").isNull();
        assertThat(only.getPassword()).isEqualTo(TOKEN);
        assertThat(state.failure()).isEmpty();
    }

    @Test
    void everyMalformedServerIsReportedOnceByIdAndElementAndLosesTheElement() throws Exception {
        List<Server> servers = List.of(
                server("pigeon", "u", "<configuration><oauthToken><sendAs>carrier-pigeon</sendAs></oauthToken>"
                        + "</configuration>"),
                server("nested", "u", "<configuration><oauthToken><scope><a>x</a></scope></oauthToken></configuration>"),
                server("twice", "u", "<configuration><oauthToken><scope>a</scope><scope>b</scope></oauthToken>"
                        + "</configuration>"),
                server("text", "u", "<configuration><oauthToken>" + TOKEN + "</oauthToken></configuration>"),
                server("nouser", null, "<configuration><oauthToken><prototypeToken>" + TOKEN
                        + "</prototypeToken></oauthToken></configuration>"),
                server("nofile", "u", "<configuration><oauthToken><prototypeTokenFile>" + temp.resolve("missing")
                        + "</prototypeTokenFile></oauthToken></configuration>"));

        spy.supply(servers);

        String failure = state.failure().orElseThrow();
        assertThat(failure).startsWith("The OAuth tokens of 6 settings.xml servers cannot be supplied:")
                .contains("server 'pigeon': the <oauthToken> element of its <configuration> is malformed: <sendAs> "
                        + "must be basic")
                .contains("server 'nested': the <oauthToken> element of its <configuration> is malformed: <scope> "
                        + "holds elements")
                .contains("server 'twice': the <oauthToken> element of its <configuration> is malformed: <scope> "
                        + "appears twice")
                .contains("server 'text': the <oauthToken> element of its <configuration> is malformed: it holds text")
                .contains("server 'nouser' sends its OAuth token as the password of HTTP Basic, which needs a "
                        + "<username>")
                .contains("server 'nofile': the file named by <prototypeTokenFile> cannot be read")
                .doesNotContain(TOKEN);
        assertThat(servers).allSatisfy(s -> {
            assertThat(TokenServerConfig.element(s.getConfiguration())).isNull();
            assertThat(s.getPassword()).isNull();
        });
    }
}
