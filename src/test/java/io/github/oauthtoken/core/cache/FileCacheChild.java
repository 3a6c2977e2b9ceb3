package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.lifecycle.TokenFetcher;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.TestHttpSettings;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.MinValidity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One "build" in its own JVM for {@link FileCacheAcrossProcessesTest}: obtains a token with {@code cache=file} and
 * writes the fingerprint it got to a file ({@code -}: to standard output, for a child that may not write files).
 * Arguments: token URL, cache directory, output file. Its log lines go to standard output, one per line.
 */
public final class FileCacheChild {
    static final String SECRET = "cache-secret-1";

    private FileCacheChild() {}

    public static void main(String[] args) throws Exception {
        Redactor redactor = new Redactor();
        BuildLog log = new PrintingLog();
        FetchRequest request = request(args[0], Path.of(args[1]));
        Credentials credentials = credentials(request, redactor);
        CachedToken token = new TokenFetcher(redactor, Clock.systemUTC()).obtain(request, credentials,
                TokenFetcher.keyOf(request, credentials), log, loaded -> { });
        String fingerprint = token.result().token().fingerprint();
        if (args[2].equals("-")) {
            System.out.println("FINGERPRINT " + fingerprint);
        } else {
            Files.writeString(Path.of(args[2]), fingerprint);
        }
        System.exit(0);
    }

    static FetchRequest request(String tokenUrl, Path cacheDirectory) {
        ProviderSettings settings = ProviderSettings.builder().tokenUrl(tokenUrl).build();
        return new FetchRequest(ProviderKind.GENESYS, settings,
                new CredentialRequest(null, List.of(new EnvPair("ID", "SECRET")), false, null, null),
                TestHttpSettings.direct(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
                MinValidity.written(Duration.ofMinutes(5)), CacheMode.FILE, cacheDirectory, false);
    }

    /** The key the child's token is cached under. */
    static CacheKey key(String tokenUrl, Path cacheDirectory) throws TokenException {
        FetchRequest request = request(tokenUrl, cacheDirectory);
        return TokenFetcher.keyOf(request, credentials(request, new Redactor()));
    }

    private static Credentials credentials(FetchRequest request, Redactor redactor) throws TokenException {
        Map<String, String> env = Map.of("ID", "cache-client", "SECRET", SECRET);
        return new CredentialResolver(id -> Optional.empty(), env::get, redactor).resolve("genesys", request.credentials());
    }

    private static final class PrintingLog implements BuildLog {
        @Override
        public void debug(String message) {}

        @Override
        public void info(String message) {
            System.out.println("INFO " + message);
        }

        @Override
        public void warn(String message) {
            System.out.println("WARN " + message);
        }
    }
}
