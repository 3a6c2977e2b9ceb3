package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.cache.SessionTokenCache;
import org.apache.maven.execution.MavenSession;

/**
 * Finds this build's token cache, shared by every module and execution of the plugin. It lives in the build
 * session's own data, never in static state, so that a Maven daemon or an embedder that runs many builds in one JVM
 * (and keeps plugin class loaders between them) starts each build with an empty cache.
 */
final class ReactorTokens {
    private static final String KEY = ReactorTokens.class.getName() + ".cache";

    private ReactorTokens() {}

    static SessionTokenCache of(MavenSession session) {
        // SessionData.computeIfAbsent is atomic, so parallel modules (-T) all get the same instance.
        return (SessionTokenCache) session.getRepositorySession().getData().computeIfAbsent(KEY, SessionTokenCache::new);
    }
}
