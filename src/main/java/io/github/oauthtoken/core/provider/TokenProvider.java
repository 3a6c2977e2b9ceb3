package io.github.oauthtoken.core.provider;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.credentials.Credentials;

/** Obtains (and, when asked to, verifies) an access token from one kind of identity server. */
public interface TokenProvider {
    TokenResult fetch(Credentials credentials) throws TokenException;
}
