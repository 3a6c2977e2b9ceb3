package io.github.oauthtoken.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.oauthtoken.core.lifecycle.TokenLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.eclipse.aether.DefaultRepositorySystemSession;
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
     * Parallel modules (-T) ask at the same moment, and every resolver but Maven 3.9's lacks an atomic
     * computeIfAbsent: whichever service is stored first is the one every module gets.
     */
    @Test
    void modulesThatAskAtOnceAllGetTheSameService() throws Exception {
        int modules = 8;
        CyclicBarrier together = new CyclicBarrier(modules);
        ExecutorService threads = Executors.newFixedThreadPool(modules);
        try {
            List<Future<TokenLifecycle>> services = new ArrayList<>();
            for (int i = 0; i < modules; i++) {
                services.add(threads.submit(() -> {
                    together.await();
                    return BuildServices.tokenLifecycle(session, LOG);
                }));
            }
            Set<TokenLifecycle> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<TokenLifecycle> service : services) {
                distinct.add(service.get(30, TimeUnit.SECONDS));
            }
            assertThat(distinct).hasSize(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A module that pins another version of the plugin runs it from another class loader, with classes of the same
     * names: the session data must never hand one version the other's objects (a ClassCastException before).
     */
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
