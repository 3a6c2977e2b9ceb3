package io.github.oauthtoken.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.oauthtoken.core.RecordingBuildLog;
import io.github.oauthtoken.core.StubHttpServer;
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
import io.github.oauthtoken.core.token.MinValidity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cache=file} where the cache directory cannot be used: the build still gets its token, keeps it for this build
 * only and says so once.
 */
class FileCacheFallbackTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String TOKEN = "fallback-TOKEN-83";
    private static final String SECRET = "fallback-SECRET-27";

    @TempDir
    Path dir;

    /** What the token server does before it answers; a test uses it to pull the directory away mid-fetch. */
    private volatile IoAction duringFetch = () -> {};

    private final StubHttpServer server = new StubHttpServer().on("/token", request -> {
        try {
            duringFetch.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StubHttpServer.Response.json(200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":3600}");
    });
    private final Redactor redactor = new Redactor();
    private final RecordingBuildLog log = new RecordingBuildLog();
    private final CredentialResolver credentials = new CredentialResolver(id -> Optional.empty(),
            Map.of("OAUTH_CLIENT_ID", "fallback-client", "OAUTH_CLIENT_SECRET", SECRET)::get, redactor);
    private final TokenFetcher fetcher = new TokenFetcher(redactor, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchRequest request() {
        return request(null);
    }

    private FetchRequest request(Path cacheDirectory) {
        ProviderSettings settings = ProviderSettings.builder().tokenUrl(server.url() + "/token").build();
        return new FetchRequest(ProviderKind.OAUTH2, settings,
                new CredentialRequest(null, ProviderKind.OAUTH2.defaultClientEnv(), false, null,
                        new EnvPair("NICE_ACCESS_KEY_ID", "NICE_ACCESS_KEY_SECRET")),
                TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
                MinValidity.written(Duration.ofMinutes(5)), CacheMode.FILE, cacheDirectory, false);
    }

    private Credentials credentialsOf(FetchRequest request) throws Exception {
        return credentials.resolve("oauth2", request.credentials());
    }

    private CachedToken obtain(Path cacheDirectory) throws Exception {
        FetchRequest request = request(cacheDirectory);
        Credentials credentials = credentialsOf(request);
        return fetcher.obtain(request, credentials, TokenFetcher.keyOf(request, credentials), log, loaded -> { });
    }

    /** The one warning, checked for everything a user needs to act on it. */
    private void assertOneWarningAbout(Path directory, String whatFailed) {
        assertThat(log.at("WARN")).singleElement().asString()
                .contains(directory.toString())
                .contains(whatFailed)
                .contains("kept for this build only")
                .contains("<cacheDirectory>")
                .contains("<cache>session</cache>");
        assertThat(log.all()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    private void assertTheBuildHasItsTokenForItselfOnly(CachedToken token) throws Exception {
        assertThat(token.result().token().value().reveal()).isEqualTo(TOKEN);
        assertThat(token.shared()).as("not in the file cache, so no other build shares it").isFalse();
        CachedToken again = obtain(dir.resolve("unused"));
        assertThat(again.source()).as("the session cache still works").isEqualTo(CachedToken.Source.THIS_BUILD);
        assertThat(server.requests("/token")).hasSize(1);
    }

    @Test
    void aCacheDirectoryUnderARegularFileWarnsOnceAndTheBuildGoesOn() throws Exception {
        Files.writeString(dir.resolve("home"), "a file, not a directory");
        Path cacheDirectory = dir.resolve("home").resolve(".m2").resolve("oauth-token");

        CachedToken token = obtain(cacheDirectory);

        assertTheBuildHasItsTokenForItselfOnly(token);
        assertOneWarningAbout(cacheDirectory, "could not be created");
    }

    @Test
    void aCacheDirectoryThisUserMayNotWriteWarnsOnceAndTheBuildGoesOn() throws Exception {
        Path cacheDirectory = unwritableDirectory();

        CachedToken token = obtain(cacheDirectory);

        assertTheBuildHasItsTokenForItselfOnly(token);
        assertOneWarningAbout(cacheDirectory, "could not be");
        assertThat(leftovers(cacheDirectory)).isEmpty();
    }

    @Test
    void aLockFileThatCannotBeCreatedWarnsOnceAndTheBuildGoesOn() throws Exception {
        Path cacheDirectory = dir.resolve("cache");
        Files.createDirectories(cacheDirectory.resolve(keyOfTheRequest().hash() + ".lock"));

        CachedToken token = obtain(cacheDirectory);

        assertTheBuildHasItsTokenForItselfOnly(token);
        assertOneWarningAbout(cacheDirectory, "lock file");
    }

    @Test
    void aWriteThatFailsAfterTheFetchWarnsOnceAndTheBuildGoesOn() throws Exception {
        Path cacheDirectory = dir.resolve("cache");
        // The directory is usable when the lock is taken, and gone (a file in its place) by the time the token is in.
        duringFetch = () -> {
            deleteTree(cacheDirectory);
            Files.writeString(cacheDirectory, "in the way");
        };

        CachedToken token = obtain(cacheDirectory);

        assertTheBuildHasItsTokenForItselfOnly(token);
        assertOneWarningAbout(cacheDirectory, "could not be written");
    }

    @Test
    void aTokenWrittenToTheCacheIsSharedAndNoWarningIsLogged() throws Exception {
        CachedToken token = obtain(dir.resolve("cache"));

        assertThat(token.shared()).isTrue();
        assertThat(log.at("WARN")).isEmpty();
        assertThat(new FileTokenCache(dir.resolve("cache"), redactor, log).read(keyOfTheRequest(), MinValidity.written(Duration.ZERO), NOW))
                .get().extracting(r -> r.token().value().reveal()).isEqualTo(TOKEN);
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    private CacheKey keyOfTheRequest() throws Exception {
        FetchRequest request = request();
        return TokenFetcher.keyOf(request, credentialsOf(request));
    }

    /**
     * A directory this process may not create files in: mode 0500, or, where that does not stop us (root ignores
     * permissions), a regular file where the directory should be.
     */
    private Path unwritableDirectory() throws IOException {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        try {
            Files.delete(Files.createTempFile(readOnly, "probe", ".tmp"));
        } catch (IOException expected) {
            return readOnly;
        }
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        Files.delete(readOnly);
        return Files.writeString(readOnly, "root may write anywhere, but not into a regular file");
    }

    private static List<Path> leftovers(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
