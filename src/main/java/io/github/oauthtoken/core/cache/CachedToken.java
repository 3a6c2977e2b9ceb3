package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.provider.TokenResult;

/**
 * A token and where it came from.
 *
 * @param shared true when it is (or may be) used by other builds through the file cache, so that {@code revoke}
 *               leaves it alone unless told otherwise
 * @param source where this build got it: {@code fetched}, {@code reactor} (another module of this build),
 *               {@code file cache}
 */
public record CachedToken(TokenResult result, boolean shared, String source) {
    public CachedToken withSource(String newSource) {
        return new CachedToken(result, shared, newSource);
    }
}
