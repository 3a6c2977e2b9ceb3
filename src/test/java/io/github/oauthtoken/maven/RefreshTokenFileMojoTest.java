package io.github.oauthtoken.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refreshTokenFile} inside Maven's container: it needs the lifecycle participant, and with it no refresher
 * outlives its build session, also when one JVM runs build after build as mvnd and embedders do.
 */
@MojoTest
class RefreshTokenFileMojoTest {
    private StubTokenServer server;
    private final RecordingLog log = new RecordingLog();

    @TempDir
    Path temp;

    @BeforeEach
    void start() {
        server = new StubTokenServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<Thread> refresherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("oauth-token-refresh") && t.isAlive()).toList();
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "refreshTokenFile", value = "true")
    void withoutTheExtensionTheGoalFailsAndSaysWhatToAdd(FetchMojo mojo) throws Exception {
        setVariableValueToObject(mojo, "tokenFile", temp.resolve("token").toFile());
        MojoFixture.prepare(mojo, server, new Settings(), new DefaultRepositorySystemSession(), log,
                MojoFixture.credentialsInEnvironment());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<refreshTokenFile> needs the plugin declared with <extensions>true</extensions>");
        assertThat(server.tokenRequests).hasValue(0);
        assertThat(temp.resolve("token")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "refreshTokenFile", value = "true")
    @MojoParameter(name = "tokenAsProperty", value = "false")
    void theRefresherEndsWithItsBuildSessionForEachOfTwoBuildsInOneJvm(FetchMojo mojo) throws Exception {
        EndOfBuildRevocation participant = new EndOfBuildRevocation();
        for (int build = 1; build <= 2; build++) {
            File file = temp.resolve("build-" + build).resolve("token").toFile();
            setVariableValueToObject(mojo, "tokenFile", file);
            MojoFixture.prepare(mojo, server, new Settings(), new DefaultRepositorySystemSession(), log,
                    MojoFixture.credentialsInEnvironment());
            MavenSession session = getVariableValueFromObject(mojo, "session");
            participant.afterProjectsRead(session);

            mojo.execute();
            assertThat(refresherThreads()).as("build " + build + " refreshes its file").hasSize(1);
            assertThat(Files.readString(file.toPath())).isEqualTo(server.lastToken);

            participant.afterSessionEnd(session);
            assertThat(refresherThreads()).as("threads left after build " + build).isEmpty();
        }
        assertThat(server.tokenRequests).hasValue(2);
        assertThat(log.all()).contains("Keeping the token file").doesNotContain(server.lastToken)
                .doesNotContain(StubTokenServer.CLIENT_SECRET);
    }
}
