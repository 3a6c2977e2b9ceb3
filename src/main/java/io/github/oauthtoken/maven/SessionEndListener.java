package io.github.oauthtoken.maven;

import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;

/**
 * Tells the plugin that the build is over, without {@code <extensions>true</extensions>}. Maven asks the execution
 * request for its listener at every event (Maven 3.6.3 to 3.10 and Maven 4 alike), so a goal can put this one in
 * place of the listener it finds: every event still reaches that original (Maven's own log of the build, event
 * spies, and on Maven 4 the API session's listeners), and {@code SessionEnded}, which Maven fires once on the thread
 * that runs the build after every module's goals have ended (also after a failed module, under {@code -T} and
 * {@code --fail-at-end}), then runs the build's end-of-build hooks. The request, and this listener with it, belongs
 * to one build: a Maven daemon or an embedder makes a new one for the next.
 */
final class SessionEndListener implements ExecutionListener {
    private final ExecutionListener original;
    private final List<Runnable> hooks;

    SessionEndListener(ExecutionListener original, List<Runnable> hooks) {
        // An embedder may set none.
        this.original = original != null ? original : new AbstractExecutionListener();
        this.hooks = hooks;
    }

    /** After the original: Maven's summary and BUILD SUCCESS or FAILURE come first, as with afterSessionEnd. */
    @Override
    public void sessionEnded(ExecutionEvent event) {
        try {
            original.sessionEnded(event);
        } finally {
            EndOfBuildHooks.runEach(hooks);
        }
    }

    @Override
    public void projectDiscoveryStarted(ExecutionEvent event) {
        original.projectDiscoveryStarted(event);
    }

    @Override
    public void sessionStarted(ExecutionEvent event) {
        original.sessionStarted(event);
    }

    @Override
    public void projectSkipped(ExecutionEvent event) {
        original.projectSkipped(event);
    }

    @Override
    public void projectStarted(ExecutionEvent event) {
        original.projectStarted(event);
    }

    @Override
    public void projectSucceeded(ExecutionEvent event) {
        original.projectSucceeded(event);
    }

    @Override
    public void projectFailed(ExecutionEvent event) {
        original.projectFailed(event);
    }

    @Override
    public void mojoSkipped(ExecutionEvent event) {
        original.mojoSkipped(event);
    }

    @Override
    public void mojoStarted(ExecutionEvent event) {
        original.mojoStarted(event);
    }

    @Override
    public void mojoSucceeded(ExecutionEvent event) {
        original.mojoSucceeded(event);
    }

    @Override
    public void mojoFailed(ExecutionEvent event) {
        original.mojoFailed(event);
    }

    @Override
    public void forkStarted(ExecutionEvent event) {
        original.forkStarted(event);
    }

    @Override
    public void forkSucceeded(ExecutionEvent event) {
        original.forkSucceeded(event);
    }

    @Override
    public void forkFailed(ExecutionEvent event) {
        original.forkFailed(event);
    }

    @Override
    public void forkedProjectStarted(ExecutionEvent event) {
        original.forkedProjectStarted(event);
    }

    @Override
    public void forkedProjectSucceeded(ExecutionEvent event) {
        original.forkedProjectSucceeded(event);
    }

    @Override
    public void forkedProjectFailed(ExecutionEvent event) {
        original.forkedProjectFailed(event);
    }
}
