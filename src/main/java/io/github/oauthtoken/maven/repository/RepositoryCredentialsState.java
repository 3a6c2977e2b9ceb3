package io.github.oauthtoken.maven.repository;

import java.util.function.Supplier;
import javax.inject.Singleton;
import org.apache.maven.execution.MavenExecutionRequest;

/**
 * The build the core extension's components work for: the spy starts it with the execution request and ends it with
 * the result, the participant reports its failures and hands it to the session, and the transporter factory falls
 * back to it. One instance per container, which all three are given (Guice makes it; it is declared nowhere). A
 * Maven daemon keeps its container across builds and runs one at a time, so the current build is the one running.
 */
@Singleton
public final class RepositoryCredentialsState {
    private RepositoryBuild current;
    private MavenExecutionRequest request;

    /**
     * Starts the build of a request, once: another copy of the spy that Maven hands the same request finds the
     * credentials supplied already (and the {@code <oauthToken>} elements gone), and must not start an empty build.
     */
    synchronized void start(MavenExecutionRequest request, Supplier<RepositoryBuild> build) {
        if (this.request != request) {
            this.request = request;
            current = build.get();
        }
    }

    /** The build under way, or null before the first request and after the end of the last. */
    synchronized RepositoryBuild current() {
        return current;
    }

    /** The build is over: its tokens are revoked, once, and nothing keeps them afterwards. */
    void end() {
        RepositoryBuild build;
        synchronized (this) {
            build = current;
            current = null;
            request = null;
        }
        if (build != null) {
            build.end();
        }
    }
}
