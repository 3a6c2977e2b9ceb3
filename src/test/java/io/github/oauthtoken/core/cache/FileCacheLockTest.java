package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.provider.TokenResult;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    static TokenResult token(String value, Instant expiresAt) {
        return new TokenResult(new AccessToken(Secret.of(value), "bearer", 3600, expiresAt, Optional.empty(), "expires_in"),
                URI.create("https://login.mypurecloud.ie/oauth/token"), Map.of());
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
                assertThat(waiter.read(KEY, Duration.ZERO, now)).isEmpty();
                assertThat(waiter.write(KEY, token("fetched", now.plusSeconds(3600)))).isFalse();
                return "fetched without the file cache";
            });
        } finally {
            release.countDown();
        }
        holder.get();

        assertThat(outcome).isEqualTo("fetched without the file cache");
        assertThat(log.at("WARN")).singleElement().asString()
                .contains(dir.resolve(KEY.hash() + ".lock").toString())
                .contains("0.2 s")
                .contains("kept for this build only");
    }
}
