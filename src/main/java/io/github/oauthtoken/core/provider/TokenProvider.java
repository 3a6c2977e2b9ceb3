package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.token.AccessToken;

/** Obtains (and, when asked to, verifies or revokes) an access token from one kind of identity server. */
public interface TokenProvider {
    TokenResult fetch(Credentials credentials) throws TokenException;

    /**
     * Revokes the token at the server.
     *
     * @return false when the provider has no way to revoke (nothing was sent)
     */
    boolean revoke(AccessToken token, Credentials credentials) throws TokenException;
}
