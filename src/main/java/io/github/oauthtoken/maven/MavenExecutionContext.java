package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.lifecycle.ExecutionContext;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.http.ProxyRoute;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** One goal execution's view of the Maven build, for the core. */
final class MavenExecutionContext implements ExecutionContext {
    private final MavenSession session;
    private final MavenProject project;
    private final BuildLog log;
    private final SettingsSecrets settings;
    private final CiConsole console;

    MavenExecutionContext(MavenSession session, MavenProject project, BuildLog log, SettingsSecrets settings,
            CiConsole console) {
        this.session = session;
        this.project = project;
        this.log = log;
        this.settings = settings;
        this.console = console;
    }

    @Override
    public BuildLog log() {
        return log;
    }

    @Override
    public ServerLookup servers() {
        return settings;
    }

    @Override
    public List<ProxyRoute> settingsProxies() throws TokenException {
        return settings.proxies();
    }

    /** Environment variables as Maven sees them: see {@link MavenSystemProperties#environment}. */
    @Override
    public Function<String, String> environment() {
        return MavenSystemProperties.environment(session.getSystemProperties());
    }

    @Override
    public boolean offline() {
        return session.isOffline();
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

    @Override
    public CiConsole console() {
        return console;
    }
}
