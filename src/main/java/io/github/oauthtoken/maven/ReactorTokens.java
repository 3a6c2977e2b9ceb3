package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.cache.SessionTokenCache;
import javax.inject.Named;
import org.apache.maven.SessionScoped;

/**
 * This build's tokens, shared by every module and execution of the plugin. Session-scoped, so that a Maven daemon
 * or an embedder that runs many builds in one JVM starts each build with an empty cache.
 */
@Named
@SessionScoped
public class ReactorTokens {
    private final SessionTokenCache cache = new SessionTokenCache();

    public SessionTokenCache cache() {
        return cache;
    }
}
