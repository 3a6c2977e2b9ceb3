package io.github.oauthtoken.maven.repository;

import javax.inject.Singleton;

/**
 * The build the core extension's components work for: the spy starts it with the execution request and ends it with
 * the result, the participant reports its failures and hands it to the session, and the transporter factory falls
 * back to it. One instance per container, which all three are given (Guice makes it; it is declared nowhere). A
 * Maven daemon keeps its container across builds and runs one at a time, so the current build is the one running.
 */
@Singleton
public final class RepositoryCredentialsState {
    private volatile RepositoryBuild current;

    void start(RepositoryBuild build) {
        current = build;
    }

    /** The build under way, or null before the first request and after the end of the last. */
    RepositoryBuild current() {
        return current;
    }

    /** The build is over: its tokens are revoked, and nothing keeps them afterwards. */
    void end() {
        RepositoryBuild build = current;
        current = null;
        if (build != null) {
            build.end();
        }
    }
}
