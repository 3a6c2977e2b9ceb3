package io.github.oauthtoken.core.cache;

import io.github.oauthtoken.core.token.TokenResult;

/**
 * A token and where it came from.
 *
 * @param shared   true when it is (or may be) used by other builds through the file cache, so that {@code revoke}
 *                 leaves it alone unless told otherwise
 * @param verified true when the provider checked it ({@code verify}); a later execution that asks for a verified
 *                 token does not take an unchecked one
 * @param source   where this build got it
 */
public record CachedToken(TokenResult result, boolean shared, boolean verified, Source source) {

    /** Where a token came from, for the log line. */
    public enum Source {
        /** From the provider, just now. */
        FETCHED,
        /** Fetched earlier in this build, by this or another module. */
        THIS_BUILD,
        /** From the file cache, fetched by an earlier build on this machine. */
        FILE_CACHE,
        /**
         * From another part of this build, which obtained it and revokes it itself ({@link SharedTokens}: the
         * repository credentials); whoever takes it never revokes it.
         */
        SHARED_BY_BUILD
    }

    public CachedToken withSource(Source newSource) {
        return new CachedToken(result, shared, verified, newSource);
    }

    /** This token as this build's alone, for one the file cache could not store: {@code revoke} may revoke it. */
    public CachedToken notShared() {
        return new CachedToken(result, false, verified, source);
    }
}
