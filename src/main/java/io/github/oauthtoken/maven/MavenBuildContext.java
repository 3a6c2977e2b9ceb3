package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.lifecycle.BuildContext;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The build as the core sees it: settings.xml's servers and proxies (decrypted), the environment, whether Maven runs
 * offline, and where CI commands go. The core extension has them from the execution request before Maven reads the
 * project, a goal from its session (which hands on the request's); a goal's {@link MavenExecutionContext} adds its
 * module.
 */
public class MavenBuildContext implements BuildContext {
    private final Properties systemProperties;
    private final boolean offline;
    private final SettingsSecrets settings;
    private final BuildLog log;
    private final CiConsole console;

    /** @param systemProperties the build's, with the environment as {@code env.*} */
    public MavenBuildContext(Properties systemProperties, boolean offline, SettingsSecrets settings, BuildLog log,
            CiConsole console) {
        this.systemProperties = systemProperties;
        this.offline = offline;
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
        return MavenSystemProperties.environment(systemProperties);
    }

    @Override
    public boolean offline() {
        return offline;
    }

    @Override
    public CiConsole console() {
        return console;
    }
}
