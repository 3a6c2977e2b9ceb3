package io.github.oauthtoken.core.jwt;

import io.github.oauthtoken.core.TokenException;
import io.github.oauthtoken.core.secret.Secret;

/**
 * Where a client's {@code client_assertion} (RFC 7523 section 2.2) comes from: a JWT the plugin signs with the
 * client's private key, or the CI's identity token. Each call gives one for one request: assertions live seconds or
 * minutes, and servers refuse one whose {@code jti} they have seen.
 */
public interface ClientAssertions {
    /**
     * @param audience the server's identifier, for the {@code aud} of an assertion the plugin signs (an identity
     *                 token already names its audience, chosen when it was requested)
     */
    Secret next(String audience) throws TokenException;

    /** Where the assertions come from, in words for messages. */
    String origin();

    /** What to check when the server refuses the client with such an assertion ({@code invalid_client}). */
    String refusalAdvice();
}
