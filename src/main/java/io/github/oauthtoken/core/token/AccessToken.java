package io.github.oauthtoken.core.token;

import io.github.oauthtoken.core.secret.Secret;
import java.time.Instant;
import java.util.Optional;

/**
 * A validated access token.
 *
 * @param value       the token itself
 * @param type        the token type as the server spelled it (for example {@code bearer})
 * @param expiresIn   seconds of validity as received (or derived, see {@link #expiresInSource})
 * @param expiresAt   when it expires, counted from the moment the request was sent
 * @param scope       the granted scope, when the server returned one
 * @param expiresInSource where {@code expiresIn} came from: {@code expires_in}, {@code jwt exp} or {@code defaultExpiresIn}
 */
public record AccessToken(
        Secret value, String type, long expiresIn, Instant expiresAt, Optional<String> scope, String expiresInSource) {

    public String fingerprint() {
        return Fingerprint.of(value.reveal());
    }
}
