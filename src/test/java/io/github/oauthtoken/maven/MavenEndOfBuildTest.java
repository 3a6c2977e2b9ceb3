package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.ExecutionListener;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.DefaultExecutionEventCatapult;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

/**
 * How the plugin learns that the build is over, with Maven's own event catapult, which asks the request for its
 * listener at every event as every Maven from 3.6.3 to 4 does: without the extension through the listener a goal
 * puts in front of Maven's, with it through the lifecycle participant, each end-of-build hook exactly once.
 */
class MavenEndOfBuildTest {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final MavenExecutionRequest request = new DefaultMavenExecutionRequest();
    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
    private final SessionData data = repositorySession.getData();
    private final MavenSession session = mock(MavenSession.class);
    private final DefaultExecutionEventCatapult catapult = new DefaultExecutionEventCatapult();

    MavenEndOfBuildTest() {
        when(session.getRequest()).thenReturn(request);
        when(session.getRepositorySession()).thenReturn(repositorySession);
        request.setExecutionListener(maven());
    }

    /** Maven's own listener (its log of the build, the event spies): records each event it receives. */
    private ExecutionListener maven() {
        InvocationHandler record = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
            }
            calls.add("maven " + method.getName());
            return null;
        };
        return (ExecutionListener) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExecutionListener.class}, record);
    }

    private MavenEndOfBuild endOfBuild(String name) {
        MavenEndOfBuild endOfBuild = new MavenEndOfBuild(request, data);
        endOfBuild.runs(() -> calls.add("hook " + name));
        return endOfBuild;
    }

    private void fireEveryEvent() {
        for (ExecutionEvent.Type type : ExecutionEvent.Type.values()) {
            catapult.fire(type, session, null);
        }
    }

    @Test
    void withoutTheExtensionTheHookRunsOnceAfterMavensOwnEndOfTheBuildAndMavenStillGetsEveryEvent() {
        assertThat(endOfBuild("a").arrange()).isTrue();

        List<String> maven = new ArrayList<>();
        for (ExecutionEvent.Type type : ExecutionEvent.Type.values()) {
            if (type != ExecutionEvent.Type.SessionEnded) {
                catapult.fire(type, session, null);
                maven.add("maven " + Character.toLowerCase(type.name().charAt(0)) + type.name().substring(1));
            }
        }
        catapult.fire(ExecutionEvent.Type.SessionEnded, session, null);
        catapult.fire(ExecutionEvent.Type.SessionEnded, session, null);

        assertThat(calls.subList(0, maven.size())).containsExactlyElementsOf(maven);
        // Maven's summary and BUILD SUCCESS (its sessionEnded) come first; a second SessionEnded runs nothing again.
        assertThat(calls.subList(maven.size(), calls.size()))
                .containsExactly("maven sessionEnded", "hook a", "maven sessionEnded");
    }

    @Test
    void nothingIsInstalledUntilATokenNeedsTheEndOfTheBuild() {
        ExecutionListener original = request.getExecutionListener();
        endOfBuild("a");

        assertThat(request.getExecutionListener()).isSameAs(original);
        assertThat(EndOfBuildHooks.of(data)).isNull();
    }

    @Test
    void askingAgainAddsNothing() {
        MavenEndOfBuild end = endOfBuild("a");
        end.arrange();
        ExecutionListener installed = request.getExecutionListener();

        assertThat(end.arrange()).isTrue();

        assertThat(request.getExecutionListener()).isSameAs(installed);
        assertThat(EndOfBuildHooks.of(data)).hasSize(1);
    }

    /** Two versions of the plugin in one build: one listener between them, and each version's hook once. */
    @Test
    void twoServicesOfOneBuildShareOneListener() {
        endOfBuild("a").arrange();
        ExecutionListener installed = request.getExecutionListener();
        endOfBuild("b").arrange();

        assertThat(request.getExecutionListener()).isSameAs(installed);
        catapult.fire(ExecutionEvent.Type.SessionEnded, session, null);

        assertThat(calls).containsExactly("maven sessionEnded", "hook a", "hook b");
    }

    @Test
    void withTheExtensionTheParticipantRunsTheHookAndNoListenerIsInstalled() {
        EndOfBuildRevocation participant = new EndOfBuildRevocation();
        ExecutionListener original = request.getExecutionListener();
        participant.afterProjectsRead(session);

        assertThat(endOfBuild("a").arrange()).isTrue();
        assertThat(request.getExecutionListener()).isSameAs(original);

        catapult.fire(ExecutionEvent.Type.SessionEnded, session, null);
        participant.afterSessionEnd(session);
        participant.afterSessionEnd(session);
        assertThat(calls).containsExactly("maven sessionEnded", "hook a");
    }

    /** Should a build report its end both ways (the listener first, as Maven fires them), no token is revoked twice. */
    @Test
    void whenBothRoutesReportTheEndEachHookRunsOnce() {
        endOfBuild("a").arrange();
        EndOfBuildRevocation participant = new EndOfBuildRevocation();
        participant.afterProjectsRead(session);

        catapult.fire(ExecutionEvent.Type.SessionEnded, session, null);
        participant.afterSessionEnd(session);

        assertThat(calls).containsExactly("maven sessionEnded", "hook a");
    }

    /** An embedder may set no listener at all; the build still reports its end. */
    @Test
    void aBuildWithoutAListenerOfItsOwnStillReportsItsEnd() {
        request.setExecutionListener(null);
        endOfBuild("a").arrange();

        fireEveryEvent();

        assertThat(calls).containsExactly("hook a");
    }

    /** A goal run outside a Maven build (no request) cannot learn the end: the core falls back. */
    @Test
    void withoutAnExecutionRequestTheEndOfTheBuildCannotBeArranged() {
        MavenEndOfBuild end = new MavenEndOfBuild(null, data);
        end.runs(() -> calls.add("hook"));

        assertThat(end.arrange()).isFalse();
        assertThat(EndOfBuildHooks.of(data)).isNull();
    }
}
