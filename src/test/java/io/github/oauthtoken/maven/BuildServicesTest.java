package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.eclipse.aether.DefaultRepositorySystemSession;
import java.util.function.Supplier;
import org.eclipse.aether.DefaultSessionData;
import org.eclipse.aether.SessionData;
import org.junit.jupiter.api.Test;

/** One token service per build and per plugin version, and what the versions share. */
class BuildServicesTest {
    private static final Log LOG = new SystemStreamLog();
    private final DefaultRepositorySystemSession repositorySession = new DefaultRepositorySystemSession();
    private final MavenSession session = mock(MavenSession.class);

    BuildServicesTest() {
        when(session.getRepositorySession()).thenReturn(repositorySession);
    }

    @Test
    void everyExecutionOfABuildGetsTheSameServiceAndANewBuildANewOne() {
        TokenLifecycle first = BuildServices.tokenLifecycle(session, LOG);

        assertThat(BuildServices.tokenLifecycle(session, LOG)).isSameAs(first);

        MavenSession next = mock(MavenSession.class);
        when(next.getRepositorySession()).thenReturn(new DefaultRepositorySystemSession());
        assertThat(BuildServices.tokenLifecycle(next, LOG)).isNotSameAs(first);
    }

    /**
     * A module that pins another version of the plugin runs it from another class loader, with classes of the same
     * names: the session data must never hand one version the other's objects (a ClassCastException before).
     */
    /**
     * Maven's session data is a ConcurrentHashMap, which throws "Recursive update" for a computeIfAbsent inside
     * another one when both keys share a bin: by chance, since one key holds an identity hash. This data always does.
     */
    @Test
    void theServiceIsCreatedWithoutANestedUpdateOfTheSessionData() {
        SessionData maven = new DefaultSessionData();
        ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);
        repositorySession.setData(new SessionData() {
            @Override
            public Object computeIfAbsent(Object key, Supplier<Object> supplier) {
                if (inside.get()) {
                    throw new IllegalStateException("Recursive update");
                }
                inside.set(true);
                try {
                    return maven.computeIfAbsent(key, supplier);
                } finally {
                    inside.set(false);
                }
            }

            @Override
            public void set(Object key, Object value) {
                maven.set(key, value);
            }

            @Override
            public boolean set(Object key, Object oldValue, Object newValue) {
                return maven.set(key, oldValue, newValue);
            }

            @Override
            public Object get(Object key) {
                return maven.get(key);
            }
        });

        assertThat(BuildServices.tokenLifecycle(session, LOG)).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void twoVersionsOfThePluginInOneBuildEachGetTheirOwnServiceAndShareTheSecrets() throws Exception {
        TokenLifecycle mine = BuildServices.tokenLifecycle(session, LOG);
        ClassLoader otherVersion = new PluginClassesLoader(getClass().getClassLoader());
        Method tokenService = Class.forName(BuildServices.class.getName(), true, otherVersion)
                .getDeclaredMethod("tokenLifecycle", MavenSession.class, Log.class);
        tokenService.setAccessible(true);

        Object theirs = tokenService.invoke(null, session, LOG);

        assertThat(theirs.getClass().getName()).isEqualTo(TokenLifecycle.class.getName());
        assertThat(theirs.getClass()).isNotSameAs(TokenLifecycle.class);
        assertThat(BuildServices.tokenLifecycle(session, LOG)).isSameAs(mine);
        // What both versions hold in common is of JDK types: the secrets every redactor masks.
        Object secrets = repositorySession.getData().get("io.github.oauthtoken.secrets");
        assertThat(secrets).isInstanceOf(Set.class);
        ((Set<String>) secrets).add("shared-secret-value");
        assertThat(mine.redactor().redact("x shared-secret-value y")).isEqualTo("x **** y");
    }

    @Test
    void theEndOfBuildHookRunsEachServiceOnceWhenTheParticipantIsThere() {
        EndOfBuildRevocation participant = new EndOfBuildRevocation();
        participant.afterProjectsRead(session);
        BuildServices.tokenLifecycle(session, LOG);
        List<?> hooks = (List<?>) repositorySession.getData().get(BuildServices.END_OF_BUILD_KEY);
        assertThat(hooks).hasSize(1);

        participant.afterSessionEnd(session);
        participant.afterSessionEnd(session);

        assertThat(hooks).isEmpty();
    }

    /** Loads this plugin's classes anew, as a second plugin realm would; everything else comes from the parent. */
    private static final class PluginClassesLoader extends ClassLoader {
        PluginClassesLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.github.oauthtoken.") || name.endsWith("Test")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException | NullPointerException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }
}
