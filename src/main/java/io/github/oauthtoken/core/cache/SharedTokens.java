package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.token.MinValidity;
import io.github.oauthtoken.core.token.TokenResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Tokens that one part of the build obtained and revokes itself, offered to the others: the repository credentials,
 * obtained before any module runs, to the goals that ask for the same token. The parts may be two copies of the
 * plugin's classes (a core extension and a build plugin are two class realms), so they share a map of JDK types
 * only, a token as {@link Properties} by its cache key's hash, which the build keeps for its own life.
 */
public final class SharedTokens {
    /** A build whose parts share nothing. */
    public static final SharedTokens NONE = new SharedTokens(null);

    private final Map<String, Properties> tokens;

    /** @param tokens the build's map, which every part given it reads and offers to */
    public SharedTokens(Map<String, Properties> tokens) {
        this.tokens = tokens;
    }

    /** Offers a token: later readers get it, unless the map holds one of the key that lives longer. */
    public void offer(CacheKey key, TokenResult result) {
        if (tokens != null) {
            tokens.merge(key.hash(), TokenProperties.of(key, result),
                    (held, offered) -> expiry(offered) > expiry(held) ? offered : held);
        }
    }

    /** The key's token when one is offered that may be reused at {@code now}, redacted from then. */
    public Optional<TokenResult> read(CacheKey key, MinValidity minValidity, Instant now, Redactor redactor) {
        Properties held = tokens == null ? null : tokens.get(key.hash());
        Optional<TokenResult> result;
        try {
            result = held == null ? Optional.empty() : TokenProperties.read(held, key);
        } catch (RuntimeException e) {
            // Another version of the plugin wrote what this one cannot read: it fetches its own.
            return Optional.empty();
        }
        result.ifPresent(r -> redactor.register(r.token().value()));
        return result.filter(r -> minValidity.reusable(r.token(), now));
    }

    private static long expiry(Properties token) {
        try {
            return Long.parseLong(token.getProperty("expires_at", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
