package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.MinValidity;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One build's use of the file cache, as {@code TokenFetcher} does it, callable through reflection from a class loader
 * of its own (another plugin realm in the same JVM): every parameter and the result are JDK types.
 */
public final class RealmBuild {
    static final CacheKey KEY = new CacheKey("genesys", "genesys:mypurecloud.ie", "realm-client", null, null, null);

    private RealmBuild() {}

    /**
     * @param fetches  counts the token requests this build would send
     * @param holders  how many builds are inside the lock right now
     * @param most     the most builds ever seen inside the lock at once
     * @param warnings where the build's WARN lines go
     * @return the token the build got
     */
    public static String obtain(String directory, CountDownLatch start, AtomicInteger fetches, AtomicInteger holders,
            AtomicInteger most, Collection<String> warnings) throws Exception {
        BuildLog log = new BuildLog() {
            @Override
            public void debug(String message) {}

            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        FileTokenCache cache = new FileTokenCache(Path.of(directory), new Redactor(), log);
        start.await();
        return cache.withLock(KEY, Duration.ofSeconds(60), () -> {
            most.accumulateAndGet(holders.incrementAndGet(), Math::max);
            try {
                Optional<TokenResult> cached = cache.read(KEY, MinValidity.written(Duration.ofMinutes(5)), Instant.now());
                if (cached.isPresent()) {
                    return cached.get().token().value().reveal();
                }
                fetches.incrementAndGet();
                pause(); // a slow token server, so the other builds really queue behind this one
                TokenResult fetched = token("realm-" + UUID.randomUUID(), Instant.now().plusSeconds(3600));
                cache.write(KEY, fetched);
                return fetched.token().value().reveal();
            } finally {
                holders.decrementAndGet();
            }
        });
    }

    static TokenResult token(String value, Instant expiresAt) {
        return new TokenResult(new AccessToken(Secret.of(value), "bearer", 3600, expiresAt, Optional.empty(), "expires_in"),
                URI.create("https://login.mypurecloud.ie/oauth/token"), Map.of());
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
