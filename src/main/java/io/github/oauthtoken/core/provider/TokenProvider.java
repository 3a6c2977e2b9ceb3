package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.Credentials;
import io.github.oauthtoken.core.token.AccessToken;
import io.github.oauthtoken.core.token.GrantedScopes;
import io.github.oauthtoken.core.token.TokenResult;

/** Obtains (and, when asked to, verifies or revokes) an access token from one kind of identity server. */
public interface TokenProvider {
    TokenResult fetch(Credentials credentials) throws TokenException;

    /**
     * Revokes the token at the server.
     *
     * @return false when the provider has no way to revoke (nothing was sent)
     */
    boolean revoke(AccessToken token, Credentials credentials) throws TokenException;

    /**
     * What the provider's server says the token grants, for {@code requiredScopes}; asked only when the token
     * response named no scope.
     *
     * @return the scopes, or why the server cannot tell (never a guess)
     */
    default GrantedScopes grantedScopes(AccessToken token, Credentials credentials) throws TokenException {
        return GrantedScopes.unknown("the provider has no API that reports a token's scopes");
    }
}
