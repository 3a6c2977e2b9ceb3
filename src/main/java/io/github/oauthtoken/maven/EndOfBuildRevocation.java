package io.github.oauthtoken.maven;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Revokes the build's tokens when the build is over, whatever happened to the modules that used them (failed under
 * {@code --fail-at-end}, never reached their {@code revoke}, ran in any order under {@code -T}). Maven runs lifecycle
 * participants only of build extensions, so this needs the plugin declared with {@code <extensions>true</extensions>}.
 * The hooks are plain {@link Runnable}s in the session's data, so that any version of the plugin can add one.
 */
@Named("oauth-token-end-of-build")
@Singleton
public final class EndOfBuildRevocation extends AbstractMavenLifecycleParticipant {

    @Override
    public void afterProjectsRead(MavenSession session) {
        session.getRepositorySession().getData()
                .computeIfAbsent(BuildServices.END_OF_BUILD_KEY, CopyOnWriteArrayList<Runnable>::new);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterSessionEnd(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        Object hooks = data.get(BuildServices.END_OF_BUILD_KEY);
        if (hooks instanceof List<?> list) {
            // Each hook once, even when two versions of the plugin both take part.
            for (Object hook : List.copyOf(list)) {
                if (list.remove(hook) && hook instanceof Runnable runnable) {
                    runnable.run();
                }
            }
        }
    }
}
