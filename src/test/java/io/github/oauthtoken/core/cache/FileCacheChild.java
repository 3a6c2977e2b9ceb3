package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.FetchRequest;
import io.github.oauthtoken.core.TokenFetcher;
import io.github.oauthtoken.core.credentials.CredentialRequest;
import io.github.oauthtoken.core.credentials.CredentialResolver;
import io.github.oauthtoken.core.credentials.EnvPair;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.provider.ClientAuthentication;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.secret.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One "build" in its own JVM for {@link FileCacheAcrossProcessesTest}: obtains a token with {@code cache=file} and
 * writes the fingerprint it got to a file. Arguments: token URL, cache directory, output file.
 */
public final class FileCacheChild {
    private FileCacheChild() {}

    public static void main(String[] args) throws Exception {
        Redactor redactor = new Redactor();
        Map<String, String> env = Map.of("ID", "cache-client", "SECRET", "cache-secret-1");
        ProviderSettings settings = new ProviderSettings(null, "<region>", null, args[0], null, null, null,
                ClientAuthentication.BASIC, null, false, Optional.empty());
        FetchRequest request = new FetchRequest(ProviderKind.GENESYS, settings,
                new CredentialRequest(null, List.of(new EnvPair("ID", "SECRET")), false, null, null),
                new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(30), HttpSettings.DEFAULT_MAX_BODY_BYTES),
                Duration.ofMinutes(5), CacheMode.FILE, Path.of(args[1]), false);
        TokenFetcher fetcher = new TokenFetcher(redactor, BuildLog.SILENT, Clock.systemUTC());
        CachedToken token = fetcher.obtain(request,
                new CredentialResolver(id -> Optional.empty(), env::get, redactor).resolve("genesys", request.credentials()),
                new SessionTokenCache(), Optional.of(new FileTokenCache(Path.of(args[1]), redactor, BuildLog.SILENT)),
                loaded -> { });
        Files.writeString(Path.of(args[2]), token.result().token().fingerprint());
        System.exit(0);
    }
}
