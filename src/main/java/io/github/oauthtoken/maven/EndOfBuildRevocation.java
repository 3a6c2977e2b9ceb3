package io.github.oauthtoken.maven;

import java.util.List;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;

/**
 * Runs the build's {@link EndOfBuildHooks} when the build is over, for a plugin declared with
 * {@code <extensions>true</extensions>} (Maven runs lifecycle participants only of build extensions). The plugin
 * needs no extension any more: without it the goals report the end of the build through the execution listener
 * ({@link SessionEndListener}). With it, this participant makes the list before any goal runs, so the goals add
 * their hooks without installing a listener, and runs it after Maven's summary; a hook runs once either way. Maven
 * 3.6.3 and 3.8.x never call it (their Sisu does not index Java 17 classes), which the listener covers too.
 */
@Named("oauth-token-end-of-build")
@Singleton
public final class EndOfBuildRevocation extends AbstractMavenLifecycleParticipant {

    @Override
    public void afterProjectsRead(MavenSession session) {
        EndOfBuildHooks.create(session.getRepositorySession().getData());
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        List<Runnable> hooks = EndOfBuildHooks.of(session.getRepositorySession().getData());
        if (hooks != null) {
            EndOfBuildHooks.runEach(hooks);
        }
    }
}
