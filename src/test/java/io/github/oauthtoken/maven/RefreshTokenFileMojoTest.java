package io.github.oauthtoken.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refreshTokenFile} inside Maven's container: no refresher outlives its build session, also when one JVM runs
 * build after build as mvnd and embedders do, whether the plugin is declared plainly or as an extension.
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

    private File tokenFileOf(int build) {
        return temp.resolve("build-" + build).resolve("token").toFile();
    }

    /** The goal as the next build in the same JVM sees it: a session and session data of its own. */
    private MavenSession newBuild(FetchMojo mojo, File tokenFile) throws Exception {
        setVariableValueToObject(mojo, "tokenFile", tokenFile);
        MojoFixture.prepare(mojo, server, new Settings(), new DefaultRepositorySystemSession(), log,
                MojoFixture.credentialsInEnvironment());
        return getVariableValueFromObject(mojo, "session");
    }

    /**
     * A plain plugin declaration: the goal puts its listener in front of the build's, and Maven's SessionEnded
     * stops the refresher, build after build in one JVM as mvnd and embedders run them, each with a request of its
     * own (what the listener of each build received shows that Maven's own listener still gets the event).
     */
    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "refreshTokenFile", value = "true")
    @MojoParameter(name = "tokenAsProperty", value = "false")
    void withoutTheExtensionTheRefresherEndsWithItsBuildSessionForEachOfTwoBuildsInOneJvm(FetchMojo mojo)
            throws Exception {
        for (int build = 1; build <= 2; build++) {
            File file = tokenFileOf(build);
            MavenSession session = newBuild(mojo, file);
            MavenExecutionRequest request = new DefaultMavenExecutionRequest();
            List<String> mavensOwn = new ArrayList<>();
            request.setExecutionListener(new AbstractExecutionListener() {
                @Override
                public void sessionEnded(ExecutionEvent event) {
                    mavensOwn.add("sessionEnded with " + refresherThreads().size() + " refresher threads");
                }
            });
            when(session.getRequest()).thenReturn(request);

            mojo.execute();
            assertThat(refresherThreads()).as("build " + build + " refreshes its file").hasSize(1);
            assertThat(Files.readString(file.toPath())).isEqualTo(server.lastToken);

            MojoFixture.endTheBuild(mojo);
            assertThat(refresherThreads()).as("threads left after build " + build).isEmpty();
            assertThat(mavensOwn).containsExactly("sessionEnded with 1 refresher threads");
        }
        assertThat(server.tokenRequests).hasValue(2);
        assertThat(log.all()).contains("Keeping the token file").doesNotContain(server.lastToken)
                .doesNotContain(StubTokenServer.CLIENT_SECRET);
    }

    /** The plugin declared as an extension: its lifecycle participant ends the refresher, and no listener is added. */
    @Test
    @InjectMojo(goal = "fetch")
    @MojoParameter(name = "provider", value = "genesys")
    @MojoParameter(name = "refreshTokenFile", value = "true")
    @MojoParameter(name = "tokenAsProperty", value = "false")
    void withTheExtensionTheRefresherEndsWithItsBuildSessionForEachOfTwoBuildsInOneJvm(FetchMojo mojo)
            throws Exception {
        EndOfBuildRevocation participant = new EndOfBuildRevocation();
        for (int build = 1; build <= 2; build++) {
            File file = tokenFileOf(build);
            MavenSession session = newBuild(mojo, file);
            participant.afterProjectsRead(session);
            ExecutionListener mavensOwn = session.getRequest().getExecutionListener();

            mojo.execute();
            assertThat(session.getRequest().getExecutionListener()).isSameAs(mavensOwn);
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
