package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.jr.ob.JSON;
import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.lifecycle.TokenFetcher;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.token.MinValidity;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock around the file cache: bounded, JVM-wide, and never a reason to fail a build. */
class FileCacheLockTest {
    private static final CacheKey KEY = new CacheKey("genesys", "genesys:mypurecloud.ie", "lock-client", null, null, null);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static TokenResult token(String value, Instant expiresAt) {
        return RealmBuild.token(value, expiresAt);
    }

    /** Another build holding the lock until {@code release} counts down; returns once it holds it. */
    private Future<?> holdLock(CountDownLatch release) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> new FileTokenCache(dir, new Redactor(), new RecordingBuildLog())
                .withLock(KEY, Duration.ofSeconds(30), () -> {
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new TokenException("interrupted");
                    }
                    return null;
                }));
        held.await();
        return holder;
    }

    @Test
    void aLockHeldLongerThanTheWaitFallsBackToFetchingWithOneWarning() throws Exception {
        Instant now = Instant.now();
        new FileTokenCache(dir, new Redactor(), new RecordingBuildLog()).write(KEY, token("cached", now.plusSeconds(3600)));
        RecordingBuildLog log = new RecordingBuildLog();
        FileTokenCache waiter = new FileTokenCache(dir, new Redactor(), log);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLock(release);
        String outcome;
        try {
            outcome = waiter.withLock(KEY, Duration.ofMillis(200), () -> {
                // Without the lock the file may be mid-replacement by its holder, so the cache is not consulted.
                assertThat(waiter.read(KEY, MinValidity.written(Duration.ZERO), now)).isEmpty();
                assertThat(waiter.write(KEY, token("fetched", now.plusSeconds(3600)))).isFalse();
                return "fetched without the file cache";
            });
        } finally {
            release.countDown();
        }
        holder.get();

        assertThat(outcome).isEqualTo("fetched without the file cache");
        assertThat(log.at("WARN")).singleElement().asString()
                .contains(dir.toRealPath().resolve(KEY.hash() + ".lock").toString())
                .contains("0.2 s")
                .contains("kept for this build only");
    }

    @Test
    void aBuildInThisJvmThatGivesUpWaitingLeavesTheHoldersLockInPlace() throws Exception {
        RecordingBuildLog log = new RecordingBuildLog();
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLock(release);
        String probe;
        try {
            // Another realm or build in this JVM: its own instance, its own thread.
            Future<String> waiter = pool.submit(() -> new FileTokenCache(dir, new Redactor(), log)
                    .withLock(KEY, Duration.ofMillis(200), () -> "went on"));
            assertThat(waiter.get()).isEqualTo("went on");
            probe = probeFromAnotherProcess(dir.resolve(KEY.hash() + ".lock"));
        } finally {
            release.countDown();
        }
        holder.get();

        assertThat(probe).as("another process must still see the first build's lock").isEqualTo("held");
        assertThat(log.at("WARN")).singleElement().asString().contains("Waited 0.2 s");
    }

    private static String probeFromAnotherProcess(Path lockFile) throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockFileProbe.class.getName(), lockFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /**
     * Builds in one JVM, some loaded by class loaders of their own as two plugin realms (or two versions of the
     * plugin) would be, each with its own cache instance: one fetches, the others wait for it and read its token.
     */
    @Test
    void buildsInOneJvmAcrossClassLoadersFetchOnceAndNeverHoldTheLockTogether() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger holders = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ConcurrentLinkedQueue<String> warnings = new ConcurrentLinkedQueue<>();
        List<URLClassLoader> realms = new ArrayList<>();
        List<Future<String>> builds = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                Class<?> buildClass = RealmBuild.class;
                if (i % 2 == 1) {
                    URLClassLoader realm = realm();
                    realms.add(realm);
                    buildClass = realm.loadClass(RealmBuild.class.getName());
                    assertThat(buildClass).isNotSameAs(RealmBuild.class);
                    assertThat(realm.loadClass(FileTokenCache.class.getName())).isNotSameAs(FileTokenCache.class);
                }
                Method build = buildClass.getMethod("obtain", String.class, CountDownLatch.class, AtomicInteger.class,
                        AtomicInteger.class, AtomicInteger.class, Collection.class);
                builds.add(pool.submit(unwrapped(() -> (String) build.invoke(null, dir.toString(), start, fetches,
                        holders, most, warnings))));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : builds) {
                tokens.add(result.get());
            }

            assertThat(fetches).hasValue(1);
            assertThat(most).as("builds inside the lock at once").hasValue(1);
            assertThat(tokens).containsOnly(tokens.get(0));
            assertThat(warnings).isEmpty();
        } finally {
            for (URLClassLoader realm : realms) {
                realm.close();
            }
        }
    }

    /** The same through {@link TokenFetcher} and a real token request: separate builds, one JVM, one request. */
    @Test
    void buildsInOneJvmObtainingThroughTheFetcherSendOneTokenRequest() throws Exception {
        Redactor redactor = new Redactor();
        RecordingBuildLog log = new RecordingBuildLog();
        try (StubHttpServer server = new StubHttpServer().on("/token", request -> {
            pause(); // a slow server, so the other builds really queue behind the first
            return StubHttpServer.Response.json(200, "{\"access_token\":\"jvm-TOKEN-" + UUID.randomUUID()
                    + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        })) {
            ProviderSettings settings = ProviderSettings.builder().tokenUrl(server.url() + "/token").build();
            FetchRequest request = new FetchRequest(ProviderKind.OAUTH2, settings,
                    new CredentialRequest(null, ProviderKind.OAUTH2.defaultClientEnv(), false, null,
                            new EnvPair("NICE_ACCESS_KEY_ID", "NICE_ACCESS_KEY_SECRET")),
                    TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
                    MinValidity.written(Duration.ofMinutes(5)), CacheMode.FILE, dir, false);
            Credentials credentials = new CredentialResolver(id -> Optional.empty(),
                    Map.of("OAUTH_CLIENT_ID", "jvm-client", "OAUTH_CLIENT_SECRET", "jvm-SECRET-5")::get, redactor)
                    .resolve("oauth2", request.credentials());
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> builds = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                builds.add(pool.submit(() -> {
                    start.await();
                    // Each build has its own session and its own view of the file cache.
                    return new TokenFetcher(redactor, Clock.systemUTC()).obtain(request, credentials,
                            TokenFetcher.keyOf(request, credentials), log, loaded -> { })
                            .result().token().value().reveal();
                }));
            }
            start.countDown();
            List<String> tokens = new ArrayList<>();
            for (Future<String> build : builds) {
                tokens.add(build.get());
            }

            assertThat(server.requests("/token")).hasSize(1);
            assertThat(tokens).containsOnly(tokens.get(0));
            assertThat(log.at("WARN")).isEmpty();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Our classes and the JSON library, loaded afresh; everything else from the JDK alone. */
    private static URLClassLoader realm() {
        URL[] urls = {codeSource(FileTokenCache.class), codeSource(RealmBuild.class),
                codeSource(JSON.class), codeSource(JsonFactory.class)};
        return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static <T> Callable<T> unwrapped(Callable<T> reflective) {
        return () -> {
            try {
                return reflective.call();
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
    }
}
