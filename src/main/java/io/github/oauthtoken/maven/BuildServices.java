package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.cache.SharedTokens;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import io.github.oauthtoken.core.secret.Redactor;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.SessionData;

/**
 * Finds this build's {@link TokenLifecycle}, shared by every module and execution of the plugin. It lives in the
 * build session's own data, never in static state, so that a Maven daemon or an embedder that runs many builds in
 * one JVM (and keeps plugin class loaders between them) starts each build afresh.
 *
 * <p>Two versions of the plugin in one build (a module that pins another) each load their own classes, so the
 * service is keyed by this class loader's copy of the class and each version keeps its own tokens. What the
 * versions share holds JDK types only: the set of secrets to redact, and the end-of-build hooks
 * ({@link EndOfBuildHooks}). The core extension that supplies repository tokens is one more class realm of the
 * plugin: it shares the same set of secrets, and offers its tokens to the goals ({@link SharedTokens}).
 */
public final class BuildServices {
    private static final String SERVICE_KEY = TokenLifecycle.class.getName() + "@"
            + Integer.toHexString(System.identityHashCode(TokenLifecycle.class));
    /** Every secret of the build, for every version's redactor. */
    private static final String SECRETS_KEY = "io.github.oauthtoken.secrets";
    /** The tokens the build's repository credentials offer the goals, by cache key. */
    private static final String SHARED_TOKENS_KEY = "io.github.oauthtoken.sharedTokens";

    private BuildServices() {}

    /**
     * @param log where what happens after the last goal is reported (the revocations at the end of the build): the
     *            log of the goal that first asks, which Maven's output shares with every later one
     */
    static TokenLifecycle tokenLifecycle(MavenSession session, Log log) {
        SessionData data = session.getRepositorySession().getData();
        // Apart, not nested: Maven 3.9's session data is a ConcurrentHashMap, which refuses an update inside another
        // ("Recursive update") whenever the two keys share a bin.
        Set<String> secrets = secrets(data, ConcurrentHashMap::newKeySet);
        // Parallel modules (-T) all get the instance that was stored first.
        Map<String, Properties> shared = sharedTokens(data, ConcurrentHashMap::new);
        Object service = OncePerBuild.value(data, SERVICE_KEY,
                () -> create(session.getRequest(), data, secrets, shared, log));
        if (!(service instanceof TokenLifecycle tokenService)) {
            throw new IllegalStateException("The build session holds a " + service.getClass().getName() + " from "
                    + service.getClass().getClassLoader() + " under " + SERVICE_KEY + ", not this plugin's token "
                    + "service. Use one version of oauth-token-maven-plugin across the build.");
        }
        return tokenService;
    }

    /**
     * Every secret of the build, for every version and class realm of the plugin: the one set the session holds,
     * made by {@code make} when nobody has made it yet.
     */
    @SuppressWarnings("unchecked")
    public static Set<String> secrets(SessionData data, Supplier<Set<String>> make) {
        return (Set<String>) OncePerBuild.value(data, SECRETS_KEY, make);
    }

    /**
     * The tokens the parts of the build that revoke their own (the repository credentials of the core extension)
     * offer the others, as {@link SharedTokens} reads them: the one map the session holds, made by {@code make} when
     * nobody has made it yet.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Properties> sharedTokens(SessionData data, Supplier<Map<String, Properties>> make) {
        return (Map<String, Properties>) OncePerBuild.value(data, SHARED_TOKENS_KEY, make);
    }

    /** Starts and installs nothing: a service that loses the race to be stored first is thrown away. */
    private static TokenLifecycle create(MavenExecutionRequest request, SessionData data, Set<String> secrets,
            Map<String, Properties> shared, Log log) {
        Redactor redactor = new Redactor(secrets);
        MavenEndOfBuild endOfBuild = new MavenEndOfBuild(request, data);
        TokenLifecycle service = new TokenLifecycle(redactor, endOfBuild, Clock.systemUTC(),
                new SharedTokens(shared));
        endOfBuild.runs(new ServiceEnd(service, new MavenBuildLog(log, redactor)));
        return service;
    }

    /** The service's end-of-build step, as the hook the end of the build runs (a class, not a lambda: see below). */
    private static final class ServiceEnd implements Runnable {
        private final TokenLifecycle service;
        private final MavenBuildLog log;

        /** Made for every build, also one that only reuses a cached token: no lambda, whose first use costs. */
        ServiceEnd(TokenLifecycle service, MavenBuildLog log) {
            this.service = service;
            this.log = log;
        }

        /** A fault here must not keep another version's hook, or Maven's own end of the build, from running. */
        @Override
        public void run() {
            try {
                service.endOfBuild(log);
            } catch (RuntimeException e) {
                log.warn("The end of the build's token revocation failed: " + e);
            }
        }
    }
}
