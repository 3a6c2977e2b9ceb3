package io.github.oauthtoken.core.credentials;

import io.github.oauthtoken.core.secret.Secret;

/**
 * An OAuth client's id and secret.
 *
 * @param origin where they were found, in words for messages ("server 'genesys' in settings.xml",
 *               "environment variables GENESYS_CLIENT_ID / GENESYS_CLIENT_SECRET")
 */
public record ClientCredentials(String clientId, Secret clientSecret, String origin) {}
