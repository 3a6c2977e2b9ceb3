package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.token.TokenResult;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.MinValidity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCachesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final CacheKey KEY = new CacheKey("genesys", "genesys:mypurecloud.ie", "client-1", null, null, null);

    @TempDir
    Path dir;

    private final RecordingBuildLog log = new RecordingBuildLog();

    private static TokenResult token(String value, Instant expiresAt) {
        return new TokenResult(new AccessToken(Secret.of(value), "bearer", 3600, expiresAt, Optional.empty(), "expires_in"),
                URI.create("https://login.mypurecloud.ie/oauth/token"), Map.of("organizationId", "org-1"));
    }

    @Test
    void oneLoaderRunsWhileParallelCallersWaitForIt() throws Exception {
        SessionTokenCache cache = new SessionTokenCache();
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CachedToken>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(KEY, MinValidity.written(Duration.ofMinutes(5)), false, NOW, () -> {
                        loads.incrementAndGet();
                        pause();
                        return new CachedToken(token("tok-single", NOW.plusSeconds(3600)), false, false, CachedToken.Source.FETCHED);
                    });
                }));
            }
            start.countDown();
            for (Future<CachedToken> result : results) {
                assertThat(result.get().result().token().value().reveal()).isEqualTo("tok-single");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    /** Holds the lock long enough for every other caller to arrive and wait. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aTokenThatNoLongerCoversMinValidityIsReplaced() throws Exception {
        SessionTokenCache cache = new SessionTokenCache();
        cache.get(KEY, MinValidity.written(Duration.ofMinutes(5)), false, NOW, () -> new CachedToken(token("old", NOW.plusSeconds(600)), false, false, CachedToken.Source.FETCHED));

        CachedToken later = cache.get(KEY, MinValidity.written(Duration.ofMinutes(5)), false, NOW.plusSeconds(400),
                () -> new CachedToken(token("new", NOW.plusSeconds(4000)), false, false, CachedToken.Source.FETCHED));

        assertThat(later.result().token().value().reveal()).isEqualTo("new");
        assertThat(cache.peek(KEY)).get().extracting(c -> c.result().token().value().reveal()).isEqualTo("new");
    }

    @Test
    void theFileCacheWritesOwnerOnlyFilesNamedByHashAndReadsThemBack() throws Exception {
        Path cacheDir = dir.resolve("cache");
        FileTokenCache cache = new FileTokenCache(cacheDir, new Redactor(), log);

        cache.withLock(KEY, Duration.ofSeconds(5), () -> {
            cache.write(KEY, token("file-token", NOW.plusSeconds(3600)));
            return null;
        });

        Path file = cacheDir.resolve(KEY.hash() + ".properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).doesNotContain("client-1-secret");
        Optional<TokenResult> read = cache.read(KEY, MinValidity.written(Duration.ofMinutes(5)), NOW);
        assertThat(read).get().satisfies(r -> {
            assertThat(r.token().value().reveal()).isEqualTo("file-token");
            assertThat(r.extras()).containsEntry("organizationId", "org-1");
        });
        assertThat(cache.read(KEY, MinValidity.written(Duration.ofMinutes(5)), NOW.plusSeconds(3400))).as("too close to expiry").isEmpty();
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void corruptOrGroupReadableFilesAreIgnoredWithOneWarning() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        Path file = dir.resolve(KEY.hash() + ".properties");

        // Cut short the way a crash mid-write would leave a file written in place (the cache never does that).
        Files.writeString(file, "format=2\nkey=" + KEY.hash() + "\naccess_token=abc\ntoken_type=bearer\nexpires_in=36",
                java.nio.charset.StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).isEmpty();
        assertThat(log.at("WARN")).singleElement().asString().contains("corrupt or unreadable");

        cache.write(KEY, token("good", NOW.plusSeconds(3600)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).isEmpty();
        assertThat(log.at("WARN")).hasSize(2).last().asString().contains("let group or others read it");

        cache.write(KEY, token("replaced", NOW.plusSeconds(3600)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).get()
                .extracting(r -> r.token().value().reveal()).isEqualTo("replaced");
    }

    /**
     * In a container that runs under a uid with no passwd entry the JVM sets user.name to "?", so an owner check by
     * name can never succeed there; the check goes by number.
     */
    @Test
    void aCacheFileIsTrustedWhereTheUserHasNoName() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        cache.write(KEY, token("nameless", NOW.plusSeconds(3600)));
        String userName = System.getProperty("user.name");
        Optional<TokenResult> read;
        try {
            System.setProperty("user.name", "?");
            read = cache.read(KEY, MinValidity.written(Duration.ZERO), NOW);
        } finally {
            System.setProperty("user.name", userName);
        }

        assertThat(log.at("WARN")).isEmpty();
        assertThat(read).get().extracting(r -> r.token().value().reveal()).isEqualTo("nameless");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("what the cache learnt its user's uid from is gone again")
                    .containsExactly(KEY.hash() + ".properties");
        }
    }

    @Test
    void aCacheFileOfAnotherUidIsIgnoredWithBothNumbers() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        cache.write(KEY, token("foreign", NOW.plusSeconds(3600)));
        Path file = dir.resolve(KEY.hash() + ".properties");
        int mine = (Integer) Files.getAttribute(file, "unix:uid");
        try {
            Files.setAttribute(file, "unix:uid", mine + 4242);
        } catch (IOException e) {
            assumeTrue(false, "only root can give a file away: " + e);
        }

        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).isEmpty();
        assertThat(log.at("WARN")).singleElement().asString()
                .contains("belongs to uid " + (mine + 4242) + ", not to uid " + mine);
    }

    @Test
    void aTokenWithThePropertiesFormatsOwnSpecialCharactersReadsBackWhole() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        String token = "a=b:c#d!e\\f g\\u0041";
        cache.write(KEY, token(token, NOW.plusSeconds(3600)));

        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).get()
                .satisfies(r -> assertThat(r.token().value().reveal()).isEqualTo(token))
                .satisfies(r -> assertThat(r.token().expiresAt()).isEqualTo(NOW.plusSeconds(3600)));
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void theJsonFileOfAnEarlierVersionIsNeitherReadNorLeftBehind() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        Path old = Files.writeString(dir.resolve(KEY.hash() + ".json"), "{\"format\":1,\"key\":\"" + KEY.hash()
                + "\",\"access_token\":\"old\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                + "\"expires_at\":\"2026-11-25T11:00:00Z\",\"token_endpoint\":\"https://login.example/token\"}");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-------"));

        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).isEmpty();
        cache.write(KEY, token("new", NOW.plusSeconds(3600)));

        assertThat(old).doesNotExist();
        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).get()
                .extracting(r -> r.token().value().reveal()).isEqualTo("new");
    }

    @Test
    void aFileForAnotherKeyIsNotTrusted() throws Exception {
        FileTokenCache cache = new FileTokenCache(dir, new Redactor(), log);
        CacheKey other = new CacheKey("genesys", "genesys:mypurecloud.ie", "client-2", null, null, null);
        cache.write(other, token("other", NOW.plusSeconds(3600)));
        Files.move(dir.resolve(other.hash() + ".properties"), dir.resolve(KEY.hash() + ".properties"));

        assertThat(cache.read(KEY, MinValidity.written(Duration.ZERO), NOW)).isEmpty();
    }

    @Test
    void keysDependOnEveryPartButNeverOnASecret() {
        assertThat(KEY.hash()).hasSize(64).isEqualTo(
                new CacheKey("genesys", "genesys:mypurecloud.ie", "client-1", null, null, null).hash());
        assertThat(KEY.hash()).isNotEqualTo(
                new CacheKey("genesys", "genesys:mypurecloud.ie", "client-1", "scope", null, null).hash());
        assertThat(KEY.describe()).isEqualTo("genesys token for client client-1 at genesys:mypurecloud.ie");
    }
}
