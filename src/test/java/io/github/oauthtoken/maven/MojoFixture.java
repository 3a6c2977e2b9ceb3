package io.github.oauthtoken.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.mockito.Mockito.lenient;

import java.util.Properties;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.DefaultExecutionEventCatapult;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.eclipse.aether.RepositorySystemSession;

/** Points a harness-made mojo at the stub server and gives its mocked session settings and an environment. */
final class MojoFixture {
    /** Variables that could change an outcome if a developer's own environment set them. */
    private static final String[] SHADOWED = {"GENESYS_CLIENT_ID", "GENESYS_CLIENT_SECRET",
        "GENESYSCLOUD_OAUTHCLIENT_ID", "GENESYSCLOUD_OAUTHCLIENT_SECRET", "GENESYS_REGION", "GENESYSCLOUD_REGION",
        "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "NO_PROXY", "no_proxy",
        "GITHUB_ACTIONS", "GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "TF_BUILD", "GITLAB_CI"};

    private MojoFixture() {}

    /**
     * @param session     one per test, shared by its mojos as by the modules of one build
     * @param environment name, value, name, value...
     * @return the project's properties, where the goal puts the token
     */
    static Properties prepare(AbstractTokenMojo mojo, StubTokenServer server, Settings settings,
            RepositorySystemSession session, Log log, String... environment) throws Exception {
        setVariableValueToObject(mojo, "tokenUrl", server.url() + "/oauth/token");
        setVariableValueToObject(mojo, "apiUrl", server.url());
        mojo.setLog(log);
        MavenSession mavenSession = getVariableValueFromObject(mojo, "session");
        lenient().when(mavenSession.getSettings()).thenReturn(settings);
        // Maven makes the session's settings from the request's servers and proxies, which the goals read.
        mavenSession.getRequest().setServers(settings.getServers());
        mavenSession.getRequest().setProxies(settings.getProxies());
        lenient().when(mavenSession.getRepositorySession()).thenReturn(session);
        Properties systemProperties = mavenSession.getSystemProperties();
        // Blank values shadow the real environment: the goal reads env.* of the session first.
        for (String name : SHADOWED) {
            systemProperties.setProperty("env." + name, "");
        }
        for (int i = 0; i < environment.length; i += 2) {
            systemProperties.setProperty("env." + environment[i], environment[i + 1]);
        }
        MavenProject project = getVariableValueFromObject(mojo, "project");
        return project.getProperties();
    }

    /** What Maven does once every module's goals have ended: fires SessionEnded through the session's request. */
    static void endTheBuild(AbstractTokenMojo mojo) throws Exception {
        MavenSession session = getVariableValueFromObject(mojo, "session");
        new DefaultExecutionEventCatapult().fire(ExecutionEvent.Type.SessionEnded, session, null);
    }

    static String[] credentialsInEnvironment(String... more) {
        String[] credentials = {"GENESYS_CLIENT_ID", StubTokenServer.CLIENT_ID,
            "GENESYS_CLIENT_SECRET", StubTokenServer.CLIENT_SECRET};
        String[] all = new String[credentials.length + more.length];
        System.arraycopy(credentials, 0, all, 0, credentials.length);
        System.arraycopy(more, 0, all, credentials.length, more.length);
        return all;
    }
}
