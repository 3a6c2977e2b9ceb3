package io.github.oauthtoken.maven.repository;

import io.github.oauthtoken.core.lifecycle.BuildToken;
import io.github.oauthtoken.core.secret.Redactor;
import io.github.oauthtoken.core.secret.Secret;
import io.github.oauthtoken.core.token.AccessToken;
import java.util.Optional;

/**
 * The OAuth token of one settings.xml server, and how its repositories receive it: what the transporter factory needs
 * for each new connection to a repository or mirror with the server's id.
 *
 * @param serverId the server's id, which its repositories and mirrors share
 * @param sendAs   how the repository receives the token
 * @param username the Basic user name beside the token (null with {@link SendAs#BEARER})
 * @param token    the build's token, renewed when it has less than {@code minValidity} left
 * @param redactor the build's redaction, which also learns the Basic header a token makes
 */
record ServerToken(String serverId, SendAs sendAs, String username, BuildToken token, Redactor redactor) {

    /** The token for a new connection, or empty when none that has not expired can be had (a warning said why). */
    Optional<Secret> forConnection() {
        return token.forConnection().map(AccessToken::value).map(this::redactedAsSent);
    }

    /** What the token looks like in the request, redacted too: with Basic, the Base64 of {@code user:token}. */
    Secret redactedAsSent(Secret value) {
        if (sendAs == SendAs.BASIC) {
            redactor.registerBasicCredential(username + ":" + value.reveal());
        }
        return value;
    }
}
