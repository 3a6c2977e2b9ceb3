package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.ci.CiConsole;
import io.github.oauthtoken.core.ci.RecordingConsole;
import io.github.oauthtoken.core.credentials.ServerLookup;
import io.github.oauthtoken.core.credentials.UsernamePassword;
import io.github.oauthtoken.core.http.ProxyRoute;
import io.github.oauthtoken.core.secret.Secret;
import java.util.ArrayList;
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
    private static final String GITHUB_MASK = "::add-mask::";
    private static final String AZURE_MASK = "##vso[task.setsecret]";
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

    /**
     * Everything the plugin printed for this module: its log lines, what it wrote to the console but the masking
     * commands (which carry the secret on purpose), and the messages of the given failures; to search for secrets.
     */
    public String printed(Throwable... failures) {
        List<String> all = new ArrayList<>(log.lines());
        if (console instanceof RecordingConsole recording) {
            all.addAll(recording.commands.stream().filter(c -> !c.startsWith(GITHUB_MASK)
                    && !c.startsWith(AZURE_MASK)).toList());
        }
        for (Throwable failure : failures) {
            all.add(failure.getMessage());
        }
        return String.join("\n", all);
    }

    /** The values this module masked with GitHub Actions' {@code ::add-mask::}. */
    public List<String> masked() {
        return ((RecordingConsole) console).commands.stream().filter(c -> c.startsWith(GITHUB_MASK))
                .map(c -> c.substring(GITHUB_MASK.length())).toList();
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
