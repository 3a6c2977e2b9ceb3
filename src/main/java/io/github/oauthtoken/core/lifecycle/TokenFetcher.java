package io.github.oauthtoken.core.lifecycle;

import io.github.oauthtoken.core.BuildLog;
import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.cache.FileTokenCache;
import io.github.oauthtoken.core.cache.SessionTokenCache;
import io.github.oauthtoken.core.cache.SharedTokens;
import io.github.oauthtoken.core.config.FetchRequest;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.ClientCertificate;
import io.github.oauthtoken.core.http.HttpSettings;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.provider.GrantSettings;
import io.github.oauthtoken.core.provider.ProviderContext;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.provider.TokenProvider;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import io.github.oauthtoken.core.token.MinValidity;
import io.github.oauthtoken.core.token.TokenResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Where the build's tokens come from: this build's session cache, then what another part of the build shares
 * ({@link SharedTokens}: the repository credentials), then the file cache when enabled, and only when none has a
 * token valid long enough ({@code minValidity}, see {@link MinValidity}), the provider's exchange. It also talks to
 * the provider about a
 * token it has (revoke it, ask what it grants). One per build, holding the caches.
 */
public final class TokenFetcher {
    private final Redactor redactor;
    private final Clock clock;
    private final SessionTokenCache session = new SessionTokenCache();
    /**
     * One file cache per directory for the build, so that a directory that cannot be used is reported once, not once
     * per module. It logs to the log of the execution that first used it, which every module's output shares.
     */
    private final Map<Path, FileTokenCache> fileCaches = new ConcurrentHashMap<>();
    private final SharedTokens shared;

    public TokenFetcher(Redactor redactor, Clock clock) {
        this(redactor, clock, SharedTokens.NONE);
    }

    public TokenFetcher(Redactor redactor, Clock clock, SharedTokens shared) {
        this.redactor = redactor;
        this.clock = clock;
        this.shared = shared;
    }

    /**
     * The token for {@code request}: this build's, else the file cache's (with {@link CacheMode#FILE}), else a new
     * one from the provider.
     *
     * @param key          the request's cache key, computed once by the caller
     * @param beforeShared runs on a newly loaded token before any other module can get it from the session cache
     *                     (masking in CI must come before anything can print the token)
     */
    public CachedToken obtain(FetchRequest request, Credentials credentials, CacheKey key, BuildLog log,
            Consumer<CachedToken> beforeShared) throws TokenException {
        boolean verify = request.settings().verify();
        SessionTokenCache.Loader network = () -> {
            if (request.offline()) {
                throw new TokenException("Maven runs offline (-o) and no cached " + request.provider().id()
                        + " token is valid long enough to reuse"
                        + (request.cache() == CacheMode.FILE ? " in " + directory(request) : "") + " ("
                        + request.minValidity().describe() + ")" + (request.cache() == CacheMode.FILE ? ""
                                : "; set <cache>file</cache> to reuse tokens across builds")
                        + ". Run once without -o, or skip this goal with -Doauth-token.skip=true.");
            }
            TokenResult fetched = fetch(request, credentials, log);
            request.minValidity().shortLifetimeNote(request.provider().id(), fetched.token()).ifPresent(log::info);
            return new CachedToken(fetched, request.cache() == CacheMode.FILE, verify, CachedToken.Source.FETCHED);
        };
        SessionTokenCache.Loader announced = () -> {
            // Whether another part of the build verified its token is not known: a request that needs that fetches.
            Optional<TokenResult> sharedByBuild = request.cache() == CacheMode.NONE || verify ? Optional.empty()
                    : shared.read(key, request.minValidity(), clock.instant(), redactor);
            CachedToken loaded = sharedByBuild.isPresent()
                    ? new CachedToken(sharedByBuild.get(), true, false, CachedToken.Source.SHARED_BY_BUILD)
                    : request.cache() == CacheMode.FILE
                            ? fromFileCache(request, key, network, fileCache(request, log))
                            : network.load();
            beforeShared.accept(loaded);
            return loaded;
        };
        return request.cache() == CacheMode.NONE ? announced.load()
                : session.get(key, request.minValidity(), verify, clock.instant(), announced);
    }

    /** A token from the file cache, or a new one that the file cache then keeps, under the file cache's lock. */
    private CachedToken fromFileCache(FetchRequest request, CacheKey key, SessionTokenCache.Loader network,
            FileTokenCache files) throws TokenException {
        return files.withLock(key, request.http().timeout(), () -> {
            // The file does not record whether its token was verified, so a request that needs that fetches anew.
            Optional<TokenResult> cached = request.settings().verify() ? Optional.empty()
                    : files.read(key, request.minValidity(), clock.instant());
            if (cached.isPresent()) {
                return new CachedToken(cached.get(), true, false, CachedToken.Source.FILE_CACHE);
            }
            CachedToken fetched = network.load();
            return files.write(key, fetched.result()) ? fetched : fetched.notShared();
        });
    }

    /** A new token from the provider, no cache asked or filled; it must live long enough ({@code minValidity}). */
    public TokenResult fetch(FetchRequest request, Credentials credentials, BuildLog log) throws TokenException {
        TokenResult result = withProvider(request, credentials, log, provider -> provider.fetch(credentials));
        request.minValidity().accept(request.provider().id(), result.token());
        return result;
    }

    /**
     * Revokes a token at its provider.
     *
     * @return false when the provider has no way to revoke
     */
    public boolean revoke(FetchRequest request, Credentials credentials, AccessToken token, BuildLog log)
            throws TokenException {
        return withProvider(request, credentials, log, provider -> provider.revoke(token, credentials));
    }

    /** What the provider's server says the token grants (Genesys tokens/me; oauth2 introspection with verify). */
    public GrantedScopes grantedScopes(FetchRequest request, Credentials credentials, AccessToken token, BuildLog log)
            throws TokenException {
        return withProvider(request, credentials, log, provider -> provider.grantedScopes(token, credentials));
    }

    /** The cache key of the token a request would obtain with these credentials. */
    public static CacheKey keyOf(FetchRequest request, Credentials credentials) {
        ProviderSettings s = request.settings();
        return new CacheKey(request.provider().id(), request.provider().tokenServer(s),
                credentials.client().clientId(), s.scope(), s.audience(),
                credentials.accessKey().map(k -> k.id()).orElse(null), presentation(s.grant(), credentials));
    }

    /** Whom an identity token names (never the token) and the grant, or null for plain client credentials. */
    private static String presentation(GrantSettings grant, Credentials credentials) {
        String identity = credentials.identity().map(t -> "identity " + t.knownIdentity().describe()).orElse(null);
        if (grant.isPlainClientCredentials() && identity == null) {
            return null;
        }
        return grant.describe() + (identity == null ? "" : ", " + identity);
    }

    /** Offers a token this part of the build revokes itself to the build's other parts. */
    void share(CacheKey key, TokenResult result) {
        shared.offer(key, result);
    }

    /** The token this build holds for the key, if any. */
    Optional<CachedToken> current(CacheKey key) {
        return session.peek(key);
    }

    /** A refreshed token for the key: later modules get it, unless the cache holds one that lives longer. */
    void offer(CacheKey key, CachedToken token) {
        session.offer(key, token);
    }

    /** Forgets a revoked token: in this build, and in the file cache when other builds share it. */
    void forget(FetchRequest request, CacheKey key, String fingerprint, boolean shared, BuildLog log) {
        session.remove(key, fingerprint);
        if (shared) {
            fileCache(request, log).delete(key);
        }
    }

    /** The file cache's token for the key whatever its remaining validity: what an earlier build left there. */
    Optional<TokenResult> leftInFileCache(FetchRequest request, CacheKey key, BuildLog log) {
        return request.cache() == CacheMode.FILE
                ? fileCache(request, log).read(key, MinValidity.written(Duration.ZERO), clock.instant())
                : Optional.empty();
    }

    private FileTokenCache fileCache(FetchRequest request, BuildLog log) {
        return fileCaches.computeIfAbsent(directory(request),
                directory -> new FileTokenCache(directory, redactor, log));
    }

    private static Path directory(FetchRequest request) {
        return request.cacheDirectory().toAbsolutePath().normalize();
    }

    /**
     * The one exchange with a provider: a transport for it alone, with the provider's retry rule, closed after. A
     * client that authenticates with its certificate ({@code tls_client_auth}) presents it to every endpoint of the
     * exchange (token, introspection, revocation, and the discovery beside them); no other transport carries it.
     */
    private <T> T withProvider(FetchRequest request, Credentials credentials, BuildLog log, ProviderCall<T> call)
            throws TokenException {
        FirstFetchWarmUp.beforeExchange();
        ClientCertificate certificate = credentials.client().certificate();
        HttpSettings settings = certificate == null ? request.http() : request.http().withClientCertificate(certificate);
        try (HttpTransport http = new HttpTransport(settings, log, request.provider().retryRule())) {
            return call.with(request.provider().create(new ProviderContext(request.settings(), http, redactor, log,
                    clock)));
        }
    }

    @FunctionalInterface
    private interface ProviderCall<T> {
        T with(TokenProvider provider) throws TokenException;
    }
}
