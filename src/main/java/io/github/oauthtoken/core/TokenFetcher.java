package io.github.oauthtoken.core;

import io.github.oauthtoken.core.cache.CacheKey;
import io.github.oauthtoken.core.cache.CacheMode;
import io.github.oauthtoken.core.cache.CachedToken;
import io.github.oauthtoken.core.cache.FileTokenCache;
import io.github.oauthtoken.core.cache.SessionTokenCache;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.http.HttpTransport;
import io.github.oauthtoken.core.provider.GrantSettings;
import io.github.oauthtoken.core.provider.ProviderContext;
import io.github.oauthtoken.core.provider.ProviderKind;
import io.github.oauthtoken.core.provider.ProviderSettings;
import io.github.oauthtoken.core.provider.TokenProvider;
import io.github.oauthtoken.core.provider.TokenResult;
import io.github.oauthtoken.core.scope.GrantedScopes;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.AccessToken;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Obtains one token for resolved credentials: the caches (this build's, then the file cache when enabled), and only
 * when neither has a token valid for {@code minValidity}, the provider's exchange; and revokes one.
 */
public final class TokenFetcher {
    private final Redactor redactor;
    private final BuildLog log;
    private final Clock clock;

    public TokenFetcher(Redactor redactor, BuildLog log, Clock clock) {
        this.redactor = redactor;
        this.log = log;
        this.clock = clock;
    }

    /** Fetches from the provider, with no cache. */
    public TokenResult fetch(FetchRequest request, Credentials credentials) throws TokenException {
        return fromProvider(request, credentials);
    }

    /**
     * The token for {@code request}: this build's, else the file cache's (with {@link CacheMode#FILE}), else a new
     * one from the provider.
     *
     * @param session      this build's tokens
     * @param file         the cross-build cache; only used with {@link CacheMode#FILE}
     * @param beforeShared runs on a newly loaded token before any other module can get it from {@code session}
     *                     (masking in CI must come before anything can print the token)
     */
    public CachedToken obtain(FetchRequest request, Credentials credentials, SessionTokenCache session,
            Optional<FileTokenCache> file, Consumer<CachedToken> beforeShared) throws TokenException {
        CacheKey key = keyOf(request, credentials);
        boolean verify = request.settings().verify();
        SessionTokenCache.Loader network = () -> {
            if (request.offline()) {
                throw new TokenException("Maven runs offline (-o) and no cached " + request.provider().id()
                        + " token is valid for <minValidity> " + request.minValidity().toSeconds() + " s"
                        + (request.cache() == CacheMode.FILE ? " in " + file.map(f -> f.directory().toString()).orElse("the file cache")
                                : " (set <cache>file</cache> to reuse tokens across builds)")
                        + ". Run once without -o, or skip this goal with -Doauth-token.skip=true.");
            }
            return new CachedToken(fromProvider(request, credentials), request.cache() == CacheMode.FILE, verify,
                    CachedToken.Source.FETCHED);
        };
        SessionTokenCache.Loader announced = () -> {
            CachedToken loaded = switch (request.cache()) {
                case NONE, SESSION -> network.load();
                case FILE -> fromFileCache(request, key, network,
                        file.orElseThrow(() -> new IllegalStateException("cache=file needs a FileTokenCache")));
            };
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

    /** The cache key of the token this request would obtain with these credentials. */
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

    /**
     * Revokes a token at its provider.
     *
     * @return false when the provider has no way to revoke
     */
    public boolean revoke(FetchRequest request, Credentials credentials, AccessToken token) throws TokenException {
        return withProvider(request, provider -> provider.revoke(token, credentials));
    }

    /** What the provider's server says the token grants (Genesys tokens/me; oauth2 introspection with verify). */
    public GrantedScopes grantedScopes(FetchRequest request, Credentials credentials, AccessToken token)
            throws TokenException {
        return withProvider(request, provider -> provider.grantedScopes(token, credentials));
    }

    /** The one exchange with a provider: a transport for it alone, closed whatever happens. */
    private <T> T withProvider(FetchRequest request, ProviderCall<T> call) throws TokenException {
        FirstFetchWarmUp.beforeExchange();
        try (HttpTransport http = new HttpTransport(request.http(), log)) {
            return call.with(request.provider().create(new ProviderContext(request.settings(), http, redactor, log, clock)));
        }
    }

    @FunctionalInterface
    private interface ProviderCall<T> {
        T with(TokenProvider provider) throws TokenException;
    }

    private TokenResult fromProvider(FetchRequest request, Credentials credentials) throws TokenException {
        TokenResult result = withProvider(request, provider -> provider.fetch(credentials));
        long minSeconds = request.minValidity().toSeconds();
        if (result.token().expiresIn() < minSeconds) {
            throw new TokenException("The " + request.provider().id() + " token expires in "
                    + result.token().expiresIn() + " s (" + result.token().expiresInSource() + "), less than "
                    + "<minValidity> of " + minSeconds + " s. Lower <minValidity>, or raise the token lifetime of the "
                    + "OAuth client on the server.");
        }
        return result;
    }
}
