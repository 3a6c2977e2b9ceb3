package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.lifecycle.BuildContext;
import io.github.oauthtoken.maven.MavenSystemProperties;
import io.github.oauthtoken.maven.SettingsSecrets;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * The build as the core extension sees it before Maven reads the project: the execution request, with settings.xml's
 * servers and proxies (decrypted as the goals decrypt them), the environment, and whether Maven runs offline.
 */
final class RequestContext implements BuildContext {
    private final MavenExecutionRequest request;
    private final SettingsSecrets settings;
    private final BuildLog log;
    private final CiConsole console;

    RequestContext(MavenExecutionRequest request, SettingsSecrets settings, BuildLog log, CiConsole console) {
        this.request = request;
        this.settings = settings;
        this.log = log;
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

    @Override
    public Function<String, String> environment() {
        return MavenSystemProperties.environment(request.getSystemProperties());
    }

    @Override
    public boolean offline() {
        return request.isOffline();
    }

    @Override
    public CiConsole console() {
        return console;
    }
}
