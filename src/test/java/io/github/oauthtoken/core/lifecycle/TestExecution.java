package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.ci.RecordingConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.secret.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One module's execution as the Maven layer would describe it, for driving {@link TokenLifecycle} directly. */
public final class TestExecution implements ExecutionContext {
    public final RecordingBuildLog log = new RecordingBuildLog();
    /** The project's properties; a test may put in its own before the first goal runs. */
    public Properties properties = new Properties();
    public final Map<String, String> env = new HashMap<>();
    public CiConsole console = new RecordingConsole();
    /** settings.xml servers by id. */
    public final Map<String, UsernamePassword> servers = new HashMap<>();
    /** The active settings.xml proxies. */
    public List<ProxyRoute> proxies = List.of();
    /** Maven runs with -o. */
    public boolean offline;
    private final String projectId;
    private final Set<String> revokePrefixes;
    private final Set<String> finished;

    /**
     * @param finished the build's finished modules, shared by the executions of one test build
     * @param revokePrefixes prefixes this module binds a revoke for
     */
    public TestExecution(String projectId, Set<String> finished, String... revokePrefixes) {
        this.projectId = projectId;
        this.finished = finished;
        this.revokePrefixes = Set.of(revokePrefixes);
    }

    public TestExecution(String projectId) {
        this(projectId, ConcurrentHashMap.newKeySet());
    }

    public TestExecution env(String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            env.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Adds a settings.xml server. */
    public TestExecution server(String id, String username, String password) {
        servers.put(id, new UsernamePassword(username, password == null ? null : Secret.of(password)));
        return this;
    }

    @Override
    public BuildLog log() {
        return log;
    }

    @Override
    public ServerLookup servers() {
        return id -> Optional.ofNullable(servers.get(id));
    }

    @Override
    public List<ProxyRoute> settingsProxies() {
        return proxies;
    }

    @Override
    public Function<String, String> environment() {
        return env::get;
    }

    @Override
    public boolean offline() {
        return offline;
    }

    @Override
    public Properties projectProperties() {
        return properties;
    }

    @Override
    public String projectId() {
        return projectId;
    }

    @Override
    public boolean revokeBound(String propertyPrefix) {
        return revokePrefixes.contains(propertyPrefix);
    }

    @Override
    public boolean isFinished(String id) {
        return finished.contains(id);
    }

    @Override
    public boolean debugLogging() {
        return false;
    }

    @Override
    public CiConsole console() {
        return console;
    }
}
