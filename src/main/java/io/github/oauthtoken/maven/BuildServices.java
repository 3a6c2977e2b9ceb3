package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.EndOfBuild;
import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import io.github.oauthtoken.core.secret.Redactor;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * versions share holds JDK types only: the set of secrets to redact, and the end-of-build hooks.
 */
final class BuildServices {
    private static final String SERVICE_KEY = TokenLifecycle.class.getName() + "@"
            + Integer.toHexString(System.identityHashCode(TokenLifecycle.class));
    /** Every secret of the build, for every version's redactor. */
    private static final String SECRETS_KEY = "io.github.oauthtoken.secrets";
    /** Present when {@link EndOfBuildRevocation} runs in this build: the hooks it runs when the build is over. */
    static final String END_OF_BUILD_KEY = "io.github.oauthtoken.endOfBuild";

    private BuildServices() {}

    /**
     * @param log where what happens after the last goal is reported (the revocations at the end of the build): the
     *            log of the goal that first asks, which Maven's output shares with every later one
     */
    static TokenLifecycle tokenLifecycle(MavenSession session, Log log) {
        SessionData data = session.getRepositorySession().getData();
        // Outside the next computeIfAbsent: the session data is a ConcurrentHashMap, which refuses a nested update
        // ("Recursive update") whenever the two keys share a bin.
        @SuppressWarnings("unchecked")
        Set<String> secrets = (Set<String>) data.computeIfAbsent(SECRETS_KEY, ConcurrentHashMap::newKeySet);
        // SessionData.computeIfAbsent is atomic, so parallel modules (-T) all get the same instance.
        Object service = data.computeIfAbsent(SERVICE_KEY, () -> create(data, secrets, log));
        if (!(service instanceof TokenLifecycle tokenService)) {
            throw new IllegalStateException("The build session holds a " + service.getClass().getName() + " from "
                    + service.getClass().getClassLoader() + " under " + SERVICE_KEY + ", not this plugin's token "
                    + "service. Use one version of oauth-token-maven-plugin across the build.");
        }
        return tokenService;
    }

    @SuppressWarnings("unchecked")
    private static TokenLifecycle create(SessionData data, Set<String> secrets, Log log) {
        List<Runnable> endOfBuild = (List<Runnable>) data.get(END_OF_BUILD_KEY);
        Redactor redactor = new Redactor(secrets);
        TokenLifecycle service = new TokenLifecycle(redactor, endOfBuild != null ? EndOfBuild.ALWAYS : EndOfBuild.NEVER,
                Clock.systemUTC());
        if (endOfBuild != null) {
            endOfBuild.add(() -> service.endOfBuild(new MavenBuildLog(log, redactor)));
        }
        return service;
    }
}
