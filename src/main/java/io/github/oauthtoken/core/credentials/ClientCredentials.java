package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.jwt.ClientAssertions;
import io.github.oauthtoken.core.secret.Secret;

/**
 * An OAuth client's id and how it proves itself: a secret, or assertions (a private key, the CI's identity token).
 *
 * @param clientId     null only for a client that does not authenticate and has no id to send
 * @param clientSecret null when the client authenticates without one
 * @param origin       where they were found, in words for messages ("server 'genesys' in settings.xml",
 *                     "environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET")
 * @param assertions   the client's assertions, or null when it authenticates with a secret or not at all
 */
public record ClientCredentials(String clientId, Secret clientSecret, String origin, ClientAssertions assertions) {

    public ClientCredentials(String clientId, Secret clientSecret, String origin) {
        this(clientId, clientSecret, origin, null);
    }
}
