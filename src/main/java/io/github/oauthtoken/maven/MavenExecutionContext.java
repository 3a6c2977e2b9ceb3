package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.lifecycle.ExecutionContext;
import io.github.oauthtoken.core.ci.CiConsole;
import java.util.Properties;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** One goal execution's view of the Maven build, for the core: the build's, and the module it runs in. */
final class MavenExecutionContext extends MavenBuildContext implements ExecutionContext {
    private final MavenSession session;
    private final MavenProject project;

    MavenExecutionContext(MavenSession session, MavenProject project, BuildLog log, SettingsSecrets settings,
            CiConsole console) {
        super(session.getSystemProperties(), session.isOffline(), settings, log, console);
        this.session = session;
        this.project = project;
    }

    @Override
    public Properties projectProperties() {
        return project.getProperties();
    }

    @Override
    public String projectId() {
        return project.getId();
    }

    @Override
    public boolean revokeBound(String propertyPrefix) {
        return RevokeBindings.bindsRevoke(project, propertyPrefix);
    }

    @Override
    public boolean isFinished(String projectId) {
        if (session.getResult() == null) {
            return false;
        }
        for (MavenProject candidate : session.getProjects()) {
            if (candidate.getId().equals(projectId)) {
                return session.getResult().getBuildSummary(candidate) != null;
            }
        }
        // Not a module of this reactor (an embedder's own project): nothing more will run for it.
        return true;
    }

    @Override
    public boolean debugLogging() {
        return session.getRequest().getLoggingLevel() == MavenExecutionRequest.LOGGING_LEVEL_DEBUG;
    }
}
