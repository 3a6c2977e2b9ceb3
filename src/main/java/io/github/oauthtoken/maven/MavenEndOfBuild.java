package io.github.oauthtoken.maven;

import io.github.oauthtoken.core.EndOfBuild;
import java.util.List;
import org.apache.maven.execution.MavenExecutionRequest;
import org.eclipse.aether.SessionData;

/**
 * The core's {@link EndOfBuild} for one build's token service. Nothing happens until a token needs the end of the
 * build (a revoke after the last module, a token file to keep fresh), so that a build that only reuses a cached
 * token installs nothing. Then the service's hook joins the build's {@link EndOfBuildHooks}: when the plugin is an
 * extension its lifecycle participant made that list before any goal ran and runs it after the build; otherwise
 * the first goal that needs it makes the list and puts a {@link SessionEndListener} in front of the build's
 * execution listener. Only the maker of the list installs a listener, so two versions of the plugin in one build
 * install one between them.
 */
final class MavenEndOfBuild implements EndOfBuild {
    /** Null when the goal runs outside a Maven build that fires execution events (a bare test harness). */
    private final MavenExecutionRequest request;
    private final SessionData data;
    private Runnable hook;
    private boolean arranged;

    MavenEndOfBuild(MavenExecutionRequest request, SessionData data) {
        this.request = request;
        this.data = data;
    }

    /** What the end of the build runs for this service; set once, before the service is shared. */
    void runs(Runnable hook) {
        this.hook = hook;
    }

    @Override
    public synchronized boolean arrange() {
        if (arranged) {
            return true;
        }
        List<Runnable> hooks = EndOfBuildHooks.of(data);
        if (hooks == null) {
            if (request == null) {
                return false;
            }
            hooks = EndOfBuildHooks.create(data);
            if (hooks != null) {
                // Before the build ends, whatever thread gets here: Maven fires SessionEnded after every module's
                // goals, this one's too, have ended.
                request.setExecutionListener(new SessionEndListener(request.getExecutionListener(), hooks));
            } else {
                hooks = EndOfBuildHooks.of(data);
            }
        }
        hooks.add(hook);
        arranged = true;
        return true;
    }
}
